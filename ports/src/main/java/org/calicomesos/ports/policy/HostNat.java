package org.calicomesos.ports.policy;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * Calico's NAT outgoing for this host: traffic from one of its endpoints whose source lies in a
 * {@code natOutgoing} pool, to a destination in none of the {@code pools}, leaves with the host's address
 * (masquerade). Both lists hold pool CIDRs, IPv4 and IPv6 mixed, sorted; {@code natOutgoing} is a subset of
 * {@code pools}.
 */
public record HostNat(List<IPAddress> pools, List<IPAddress> natOutgoing) {
  public static final HostNat NONE = new HostNat(List.of(), List.of());

  public HostNat {
    pools = List.copyOf(pools);
    natOutgoing = List.copyOf(natOutgoing);
    if (!pools.containsAll(natOutgoing)) {
      throw new IllegalArgumentException("a NAT outgoing pool must be one of the pools");
    }
  }
}
