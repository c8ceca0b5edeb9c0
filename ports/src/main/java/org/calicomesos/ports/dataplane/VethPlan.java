package org.calicomesos.ports.dataplane;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.List;
import java.util.Objects;

/**
 * Everything one container's network is, computed in {@code core} and applied by a {@link Dataplane} in this
 * order: the veth pair (host end {@code hostInterface} with {@code hostMac} in the host namespace, peer
 * {@code containerInterface} created directly inside {@code namespace}, both with {@code mtu}); the host
 * sysctls; host end up; container addresses (IPv6 ones without duplicate address detection — the IPAM
 * already guarantees uniqueness, and a tentative address would refuse connections for a second); container
 * end up; container routes in list order; then one host route per entry of {@code hostRoutes} out of the host
 * end (scope link), refused if that destination is already routed elsewhere.
 *
 * @param containerAddresses addresses with their prefix length, e.g. {@code 198.18.0.4/32}
 * @param hostRoutes destinations with a prefix length, e.g. {@code 198.18.0.4/32}
 */
public record VethPlan(
    InterfaceName hostInterface,
    MACAddress hostMac,
    NetworkNamespace namespace,
    InterfaceName containerInterface,
    int mtu,
    List<IPAddress> containerAddresses,
    List<Route> containerRoutes,
    List<IPAddress> hostRoutes,
    List<Sysctl> hostSysctls) {
  public static final int MIN_MTU = 1280; // IPv6's minimum; an IPv4-only container could go lower, none should
  public static final int MAX_MTU = 65535;

  public VethPlan {
    Objects.requireNonNull(hostInterface, "hostInterface");
    Objects.requireNonNull(hostMac, "hostMac");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(containerInterface, "containerInterface");
    if (mtu < MIN_MTU || mtu > MAX_MTU) {
      throw new IllegalArgumentException("MTU must be between " + MIN_MTU + " and " + MAX_MTU + ", got " + mtu);
    }
    containerAddresses = List.copyOf(containerAddresses);
    containerRoutes = List.copyOf(containerRoutes);
    hostRoutes = List.copyOf(hostRoutes);
    hostSysctls = List.copyOf(hostSysctls);
    for (IPAddress address : containerAddresses) {
      if (!address.isPrefixed()) {
        throw new IllegalArgumentException("container address needs a prefix length: " + address);
      }
    }
    for (IPAddress destination : hostRoutes) {
      if (!destination.isPrefixed()) {
        throw new IllegalArgumentException("host route needs a prefix length: " + destination);
      }
    }
  }
}
