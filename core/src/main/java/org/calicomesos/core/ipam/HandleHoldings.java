package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;

/**
 * What one handle holds, as the blocks say, beside what its handle record counts.
 *
 * @param addresses every address the blocks assign to it
 * @param held how many of those each block holds
 * @param nodes the nodes that assigned them (the {@code node} attribute)
 * @param unattributed whether some were assigned with no {@code node} attribute ({@code ipam reserve}, another tool)
 * @param counted the handle record's per-block counts (empty when there is no record)
 * @param record the handle record's entry, for a compare-and-swap on it
 */
public record HandleHoldings(HandleId handle, List<IPAddress> addresses, Map<IPAddress, Integer> held,
    Set<NodeName> nodes, boolean unattributed, Map<IPAddress, Integer> counted, Optional<Entry> record) {
  public HandleHoldings {
    addresses = List.copyOf(addresses);
    held = Map.copyOf(held);
    nodes = Set.copyOf(nodes);
    counted = Map.copyOf(counted);
  }

  /** True when it holds addresses and {@code node} assigned every one of them. */
  public boolean heldOnlyBy(NodeName node) {
    return !addresses.isEmpty() && !unattributed && nodes.equals(Set.of(node));
  }

  /**
   * The blocks among {@code blocks} where the record counts more than the block holds: what a cut-short release
   * (block written, count not yet lowered) or a cut-short allocate (count raised, block never written) leaves.
   */
  public Set<IPAddress> overCountedIn(Set<IPAddress> blocks) {
    return counted.entrySet().stream()
        .filter(e -> blocks.contains(e.getKey()) && e.getValue() > held.getOrDefault(e.getKey(), 0))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** A record that counts no block at all: what nothing but a bug or a hand edit leaves. */
  public boolean emptyRecord() {
    return record.isPresent() && counted.isEmpty();
  }
}
