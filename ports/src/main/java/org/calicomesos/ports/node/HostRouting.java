package org.calicomesos.ports.node;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.routing.RouteMode;

/**
 * What routing between hosts looks like from one host: the cluster's route mode (absent record: direct), the pools
 * whose traffic between hosts is VXLAN-encapsulated, this host's registration, and every other host that is
 * registered or claims blocks, by node name.
 */
public record HostRouting(Readout<RouteMode> routeMode, List<IPAddress> vxlanPools, Readout<HostRegistration> registration,
    List<OtherHost> otherHosts) {
  public HostRouting {
    Objects.requireNonNull(routeMode, "routeMode");
    Objects.requireNonNull(registration, "registration");
    vxlanPools = List.copyOf(vxlanPools);
    otherHosts = List.copyOf(otherHosts);
  }

  /** Another host: its registration (absent: it is not routed to) and how many blocks it has confirmed claims on. */
  public record OtherHost(org.calicomesos.ports.model.NodeName node, Readout<HostRegistration> registration,
      int blocks) {}
}
