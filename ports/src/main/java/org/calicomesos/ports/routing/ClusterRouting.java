package org.calicomesos.ports.routing;

import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.ipam.Pool;

/**
 * How the cluster routes between hosts, as {@code route-mode} shows it: the route mode record, and which IPv4 pools
 * are VXLAN-encapsulated and which are not (encapsulation is a pool's, as in Calico; {@code route-mode vxlan} sets it
 * on every IPv4 pool at once).
 */
public record ClusterRouting(RouteMode mode, List<Pool> vxlanPools, List<Pool> plainPools) {
  public ClusterRouting {
    Objects.requireNonNull(mode, "mode");
    vxlanPools = List.copyOf(vxlanPools);
    plainPools = List.copyOf(plainPools);
  }

  /**
   * The name {@code route-mode} gives it: {@code vxlan} when the mode is direct and every IPv4 pool (at least one) is
   * VXLAN, otherwise the mode's own ({@link #mixed} then tells whether some pools are VXLAN).
   */
  public RoutingChoice choice() {
    if (mode == RouteMode.BGP) {
      return RoutingChoice.BGP;
    }
    return !vxlanPools.isEmpty() && plainPools.isEmpty() ? RoutingChoice.VXLAN : RoutingChoice.DIRECT;
  }

  /** Some IPv4 pools are VXLAN and some are not, or the mode is bgp with VXLAN pools. */
  public boolean mixed() {
    return !vxlanPools.isEmpty() && choice() != RoutingChoice.VXLAN;
  }
}
