package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Who holds what, handle by handle, for the collector: every block and every handle record in one round trip; and
 * the one repair of a handle record it makes, a compare-and-swap at the revision it judged.
 */
public final class HandleAudit {
  private static final System.Logger LOG = System.getLogger(HandleAudit.class.getName());
  private static final String NODE_ATTRIBUTE = "node";

  private final KeyValueStore store;
  private final DatastoreKeys keys;

  public HandleAudit(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  /** Every handle, with the blocks {@code node} owns; an unreadable block or record is logged and passed over. */
  public HandleCensus read(NodeName node) {
    List<Listing> read = store.listAll(List.of(keys.blockPrefix(IpFamily.V4), keys.blockPrefix(IpFamily.V6),
        keys.handlePrefix()));
    Map<HandleId, Tally> tallies = new LinkedHashMap<>();
    Set<IPAddress> blocksOfNode = new HashSet<>();
    for (Listing family : read.subList(0, 2)) {
      for (Entry entry : family.entries()) {
        decode(entry, IpamCodecs.BLOCK).ifPresent(block -> {
          if (block.affineTo(node)) {
            blocksOfNode.add(block.cidr());
          }
          tallyBlock(block, tallies);
        });
      }
    }
    for (Entry entry : read.get(2).entries()) {
      decode(entry, IpamCodecs.HANDLE).ifPresent(handle -> {
        Tally tally = tallies.computeIfAbsent(handle.id(), id -> new Tally());
        tally.counted = handle.blocks();
        tally.record = Optional.of(entry);
      });
    }
    Map<HandleId, HandleHoldings> handles = new LinkedHashMap<>();
    tallies.forEach((id, t) -> handles.put(id,
        new HandleHoldings(id, t.addresses, t.held, t.nodes, t.unattributed, t.counted, t.record)));
    return new HandleCensus(handles, blocksOfNode);
  }

  /**
   * Lowers the record's counts in {@code blocks} to what the blocks hold, only if the record is still at the revision
   * {@code holdings} was read at; the record goes when it counts nothing. False when it changed meanwhile.
   */
  public boolean correctCounts(HandleHoldings holdings, Set<IPAddress> blocks) {
    Entry record = holdings.record().orElseThrow();
    Map<IPAddress, Integer> next = new LinkedHashMap<>(holdings.counted());
    for (IPAddress block : blocks) {
      int held = holdings.held().getOrDefault(block, 0);
      if (held == 0) {
        next.remove(block);
      } else {
        next.put(block, Math.min(held, next.getOrDefault(block, held)));
      }
    }
    WriteOutcome outcome = next.isEmpty()
        ? store.delete(record.key(), record.revision())
        : store.update(record.key(), IpamCodecs.HANDLE.encode(new Handle(holdings.handle(), next)), record.revision());
    return outcome.landed();
  }

  private static void tallyBlock(AllocationBlock block, Map<HandleId, Tally> tallies) {
    for (int ordinal = 0; ordinal < block.size(); ordinal++) {
      Optional<AllocationAttribute> holder = block.holder(ordinal);
      if (holder.isEmpty() || holder.get().handle().isEmpty()) {
        continue;
      }
      Tally tally = tallies.computeIfAbsent(holder.get().handle().get(), id -> new Tally());
      tally.addresses.add(block.addressAt(ordinal));
      tally.held.merge(block.cidr(), 1, Integer::sum);
      Optional<NodeName> node = nodeOf(holder.get());
      if (node.isPresent()) {
        tally.nodes.add(node.get());
      } else {
        tally.unattributed = true;
      }
    }
  }

  private static Optional<NodeName> nodeOf(AllocationAttribute holder) {
    String node = holder.secondary().get(NODE_ATTRIBUTE);
    try {
      return node == null ? Optional.empty() : Optional.of(new NodeName(node));
    } catch (InvalidRequestException e) {
      return Optional.empty(); // not a name we would write: not ours to judge
    }
  }

  private static <V> Optional<V> decode(Entry entry, org.calicomesos.core.cas.Codec<V> codec) {
    try {
      return Optional.of(codec.decode(entry));
    } catch (CorruptValueException e) {
      LOG.log(Level.WARNING, "the collector passes over {0}: {1}", entry.key(), e.getMessage());
      return Optional.empty();
    }
  }

  /** One handle's holdings as the listing is read. */
  private static final class Tally {
    final List<IPAddress> addresses = new ArrayList<>();
    final Map<IPAddress, Integer> held = new HashMap<>();
    final Set<NodeName> nodes = new HashSet<>();
    boolean unattributed;
    Map<IPAddress, Integer> counted = Map.of();
    Optional<Entry> record = Optional.empty();
  }
}
