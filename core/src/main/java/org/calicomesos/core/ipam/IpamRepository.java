package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** Typed reads of the IPAM records, and compare-and-swap updates of one record at a time. */
final class IpamRepository {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final CasLoop cas;

  IpamRepository(KeyValueStore store, DatastoreKeys keys, IpamRetryListener retries) {
    this.store = store;
    this.keys = keys;
    this.cas = new CasLoop(store, retries::lostCompare);
  }

  DatastoreKeys keys() {
    return keys;
  }

  /** Every pool, IPv4 first, read in one listing so both families are seen at the same revision. */
  List<PoolRecord> allPools() {
    return pools(store.list(keys.poolRoot()));
  }

  /** The pools of a listing of {@link DatastoreKeys#poolRoot}, IPv4 first. */
  List<PoolRecord> pools(Listing poolRoot) {
    List<PoolRecord> pools = new ArrayList<>();
    for (Entry entry : poolRoot.entries()) {
      if (keys.isPoolKey(entry.key())) {
        pools.add(IpamCodecs.POOL.decode(entry));
      }
    }
    pools.sort(java.util.Comparator.comparing((PoolRecord p) -> p.pool().family()));
    return pools;
  }

  Optional<AllocationBlock> block(IPAddress cidr) {
    return readBlock(cidr).map(BlockRead::block);
  }

  /** The block with the entry a compare-and-swap can start from. */
  Optional<BlockRead> readBlock(IPAddress cidr) {
    return store.get(keys.block(cidr)).map(entry -> new BlockRead(IpamCodecs.BLOCK.decode(entry), entry));
  }

  /** Every block of the family, by CIDR. */
  Map<IPAddress, AllocationBlock> blocks(IpFamily family) {
    Map<IPAddress, AllocationBlock> blocks = new LinkedHashMap<>();
    readBlocks(family).forEach((cidr, read) -> blocks.put(cidr, read.block()));
    return blocks;
  }

  /** The blocks of a listing of {@link DatastoreKeys#blockPrefix}. */
  List<AllocationBlock> blocks(Listing blocks) {
    List<AllocationBlock> decoded = new ArrayList<>();
    for (Entry entry : blocks.entries()) {
      decoded.add(IpamCodecs.BLOCK.decode(entry));
    }
    return decoded;
  }

  /** The blocks {@code node} has claimed, IPv4 then IPv6 (key order), with the state of each claim: one listing. */
  Map<IPAddress, Affinity> affinities(NodeName node) {
    return claims(store.list(keys.affinityPrefix(node)));
  }

  /** Every pool and {@code node}'s claims (both families) in one round trip: what an allocate starts from. */
  PoolsAndClaims poolsAndClaims(NodeName node) {
    List<Listing> read = store.listAll(List.of(keys.poolRoot(), keys.affinityPrefix(node)));
    return new PoolsAndClaims(pools(read.get(0)), claims(read.get(1)));
  }

  /**
   * Every pool and the blocks {@code addresses} are most likely in ({@link BlocksReadAhead}), in one round trip:
   * what a release by address starts from.
   */
  PoolsAndBlocks poolsAndLikelyBlocks(List<IPAddress> addresses) {
    List<IPAddress> likelyBlocks = BlocksReadAhead.likelyBlocks(addresses);
    List<String> prefixes = new ArrayList<>();
    prefixes.add(keys.poolRoot());
    prefixes.addAll(BlocksReadAhead.keys(keys, likelyBlocks));
    List<Listing> read = store.listAll(prefixes);
    return new PoolsAndBlocks(pools(read.get(0)), BlocksReadAhead.of(keys, likelyBlocks, read.subList(1, read.size())));
  }

  /** The claims of a listing of one host's affinities, in key order, with the state of each. */
  Map<IPAddress, Affinity> claims(Listing affinities) {
    Map<IPAddress, Affinity> claims = new LinkedHashMap<>();
    for (Entry entry : affinities.entries()) {
      keys.parseAffinity(entry.key()).ifPresent(key -> claims.put(key.blockCidr(), IpamCodecs.AFFINITY.decode(entry)));
    }
    return claims;
  }

  /** Every block of the family, by CIDR, each with the entry a compare-and-swap can start from. */
  Map<IPAddress, BlockRead> readBlocks(IpFamily family) {
    Map<IPAddress, BlockRead> blocks = new LinkedHashMap<>();
    for (Entry entry : store.list(keys.blockPrefix(family)).entries()) {
      AllocationBlock block = IpamCodecs.BLOCK.decode(entry);
      blocks.put(block.cidr(), new BlockRead(block, entry));
    }
    return blocks;
  }

  /** Every host's claims: node → block → state. */
  Map<NodeName, Map<IPAddress, Affinity>> allAffinities() {
    Map<NodeName, Map<IPAddress, Affinity>> all = new LinkedHashMap<>();
    for (Entry entry : store.list(keys.affinityRoot()).entries()) {
      keys.parseAffinity(entry.key()).ifPresent(key -> all.computeIfAbsent(key.node(), n -> new LinkedHashMap<>())
          .put(key.blockCidr(), IpamCodecs.AFFINITY.decode(entry)));
    }
    return all;
  }

  Optional<Handle> handle(HandleId id) {
    return store.get(keys.handle(id)).map(IpamCodecs.HANDLE::decode);
  }

  List<Handle> allHandles() {
    return decodeAll(store.list(keys.handlePrefix()).entries(), IpamCodecs.HANDLE);
  }

  /** Creates the block unless it exists; returns the block as stored (this one, or the one already there). */
  AllocationBlock createBlockIfAbsent(AllocationBlock block) {
    WriteOutcome outcome = store.create(keys.block(block.cidr()), IpamCodecs.BLOCK.encode(block));
    return outcome instanceof WriteOutcome.Conflict conflict ? IpamCodecs.BLOCK.decode(conflict.current()) : block;
  }

  /** Writes the affinity unless one exists for this node and block. */
  void createAffinityIfAbsent(NodeName node, IPAddress cidr, Affinity affinity) {
    store.create(keys.affinity(node, cidr), IpamCodecs.AFFINITY.encode(affinity));
  }

  /** Creates the pool unless it exists; true when this call created it. */
  boolean createPoolIfAbsent(PoolRecord pool) {
    return store.create(keys.pool(pool.pool().cidr()), IpamCodecs.POOL.encode(pool)).landed();
  }

  <T> T updatePool(IPAddress cidr, Function<Optional<PoolRecord>, Step<PoolRecord, T>> decide) {
    return cas.update(keys.pool(cidr), IpamCodecs.POOL, decide);
  }

  <T> T updateBlock(IPAddress cidr, Function<Optional<AllocationBlock>, Step<AllocationBlock, T>> decide) {
    return cas.update(keys.block(cidr), IpamCodecs.BLOCK, decide);
  }

  /** As above, starting from the block as {@code read}, without reading it again. */
  <T> T updateBlock(BlockRead read, Function<Optional<AllocationBlock>, Step<AllocationBlock, T>> decide) {
    return cas.update(read.entry().key(), Optional.of(read.entry()), IpamCodecs.BLOCK, decide);
  }

  <T> T updateHandle(HandleId id, Function<Optional<Handle>, Step<Handle, T>> decide) {
    return cas.update(keys.handle(id), IpamCodecs.HANDLE, decide);
  }

  /** As above for a handle that is most likely new (a fresh uid): tries to create it before reading it. */
  <T> T updateLikelyNewHandle(HandleId id, Function<Optional<Handle>, Step<Handle, T>> decide) {
    return cas.updateLikelyAbsent(keys.handle(id), IpamCodecs.HANDLE, decide);
  }

  <T> T updateAffinity(NodeName node, IPAddress cidr, Function<Optional<Affinity>, Step<Affinity, T>> decide) {
    return cas.update(keys.affinity(node, cidr), IpamCodecs.AFFINITY, decide);
  }

  private static <V> List<V> decodeAll(List<Entry> entries, Codec<V> codec) {
    List<V> values = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      values.add(codec.decode(entry));
    }
    return values;
  }
}
