package org.calicomesos.ports.routing.bgp;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.model.NodeName;

/**
 * A BGP neighbour: another calico-mesos host of the full mesh ({@code node} present), or an explicit peer from
 * the cluster's BGP settings such as a top-of-rack router ({@code node} empty). Its address is its identity:
 * a speaker holds one session per neighbour address.
 */
public record BgpPeer(Optional<NodeName> node, IPAddress address, AsNumber asNumber) {
  public BgpPeer {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(asNumber, "asNumber");
    if (address.isPrefixed()) {
      throw new IllegalArgumentException("a BGP peer's address must be a single address, got " + address);
    }
  }

  /** Another host of this cluster, peered with because the node mesh is on. */
  public static BgpPeer mesh(NodeName node, IPAddress address, AsNumber asNumber) {
    return new BgpPeer(Optional.of(node), address, asNumber);
  }

  /** A peer the operator named in the cluster's BGP settings. */
  public static BgpPeer explicit(IPAddress address, AsNumber asNumber) {
    return new BgpPeer(Optional.empty(), address, asNumber);
  }

  @Override
  public String toString() {
    return node.map(name -> "node " + name + " at ").orElse("peer ") + address.toCanonicalString() + " (AS "
        + asNumber + ")";
  }
}
