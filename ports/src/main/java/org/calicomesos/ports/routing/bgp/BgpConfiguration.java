package org.calicomesos.ports.routing.bgp;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything this host's BGP speaker needs: who it is ({@code routerId}, {@code localAs}), what it announces (the
 * blocks this host holds, both families) and whom it tells ({@code peers}, at most one per address). Built in
 * core from the datastore; a speaker adapter only translates it.
 */
public record BgpConfiguration(IPv4Address routerId, AsNumber localAs, List<IPAddress> announcedBlocks,
    List<BgpPeer> peers) {
  public BgpConfiguration {
    Objects.requireNonNull(routerId, "routerId");
    Objects.requireNonNull(localAs, "localAs");
    announcedBlocks = List.copyOf(announcedBlocks);
    peers = List.copyOf(peers);
    if (routerId.isPrefixed()) {
      throw new IllegalArgumentException("a router id is a plain IPv4 address, got " + routerId);
    }
    for (IPAddress block : announcedBlocks) {
      if (!block.isPrefixed() || !block.isPrefixBlock()) {
        throw new IllegalArgumentException("an announced block must be a CIDR with its host bits zero: " + block);
      }
    }
    Set<IPAddress> addresses = new HashSet<>();
    for (BgpPeer peer : peers) {
      if (!addresses.add(peer.address())) {
        throw new IllegalArgumentException("two BGP peers share the address " + peer.address().toCanonicalString());
      }
    }
  }
}
