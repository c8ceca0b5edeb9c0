package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** Read-only questions other parts of core ask the IPAM: who holds these addresses, which blocks a host owns. */
public final class AddressLookup {
  private final IpamRepository repository;

  public AddressLookup(KeyValueStore store, DatastoreKeys keys) {
    this.repository = new IpamRepository(store, keys, IpamRetryListener.NONE); // reads only
  }

  /** One holding per address, in order; each block is read once. */
  public List<AddressHolding> holdings(List<IPAddress> addresses) {
    return holdings(addresses, repository.allPools(), BlocksReadAhead.NONE);
  }

  /**
   * As {@link #holdings(List)}, with the pools from a listing of {@link DatastoreKeys#poolRoot} already made and
   * the blocks read with it; a block not among those is read now.
   */
  public List<AddressHolding> holdings(List<IPAddress> addresses, Listing poolRoot, BlocksReadAhead ahead) {
    return holdings(addresses, repository.pools(poolRoot), ahead);
  }

  private List<AddressHolding> holdings(List<IPAddress> addresses, List<PoolRecord> pools, BlocksReadAhead ahead) {
    Map<IPAddress, Optional<AllocationBlock>> blocks = new HashMap<>();
    List<AddressHolding> holdings = new ArrayList<>(addresses.size());
    for (IPAddress address : addresses) {
      IPAddress plain = address.withoutPrefixLength();
      Optional<Pool> pool = PoolDirectory.containing(pools, plain);
      if (pool.isEmpty()) {
        holdings.add(new AddressHolding(plain, Optional.empty(), false, Optional.empty(), Optional.empty(),
            Encapsulation.NONE));
        continue;
      }
      IPAddress cidr = PoolDirectory.blockOf(pool.get(), plain);
      Optional<AllocationBlock> block = blocks.computeIfAbsent(cidr, c -> ahead.has(c)
          ? ahead.block(c).map(BlockRead::block) : repository.block(c));
      Optional<AllocationAttribute> holder = block.flatMap(b -> b.holder(b.ordinalOf(plain)));
      holdings.add(new AddressHolding(plain, Optional.of(cidr), holder.isPresent(),
          holder.flatMap(AllocationAttribute::handle), block.flatMap(AllocationBlock::affineHost),
          pool.get().encapsulation()));
    }
    return holdings;
  }

  /**
   * Whether an affinity record is a confirmed claim (a pending one is a claim in progress or one that lost its
   * race: it makes no host the block's owner, calico#6001).
   *
   * @throws org.calicomesos.ports.kv.CorruptValueException when the record cannot be read
   */
  public static boolean confirmedClaim(org.calicomesos.ports.kv.Entry affinity) {
    return IpamCodecs.AFFINITY.decode(affinity).state() == Affinity.State.CONFIRMED;
  }

  /**
   * The pool a pool record holds.
   *
   * @throws org.calicomesos.ports.kv.CorruptValueException when the record cannot be read
   */
  public static Pool pool(org.calicomesos.ports.kv.Entry record) {
    return IpamCodecs.POOL.decode(record).pool();
  }

  /** Every pool, as stored (disabled ones too). */
  public List<Pool> pools() {
    return repository.allPools().stream().map(PoolRecord::pool).toList();
  }

  /** The blocks {@code node}'s claims on which are confirmed, IPv4 then IPv6. */
  public List<IPAddress> blocksAffineTo(NodeName node) {
    return confirmedBlocks(repository.affinities(node));
  }

  /**
   * As {@link #blocksAffineTo}, from a listing of {@link DatastoreKeys#affinityPrefix(NodeName)} already made.
   *
   * @throws org.calicomesos.ports.kv.CorruptValueException when a claim cannot be read
   */
  public List<IPAddress> blocksAffineTo(Listing hostAffinities) {
    return confirmedBlocks(repository.claims(hostAffinities));
  }

  private static List<IPAddress> confirmedBlocks(Map<IPAddress, Affinity> claims) {
    List<IPAddress> blocks = new ArrayList<>();
    claims.forEach((cidr, affinity) -> {
      if (affinity.state() == Affinity.State.CONFIRMED) {
        blocks.add(cidr);
      }
    });
    return blocks;
  }

  /** How many blocks each host has a confirmed claim on, for every host with a claim (by name). */
  public Map<NodeName, Integer> confirmedBlockCounts() {
    Map<NodeName, Integer> counts = new java.util.TreeMap<>(java.util.Comparator.comparing(NodeName::value));
    repository.allAffinities().forEach((node, claims) -> counts.put(node,
        (int) claims.values().stream().filter(claim -> claim.state() == Affinity.State.CONFIRMED).count()));
    return counts;
  }
}
