package org.calicomesos.testkit.dataplane;

import inet.ipaddr.IPAddress;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * Plans shaped the way Calico plumbs a container (docs/calico-model.md, "Container plumbing"), built by hand so the
 * contract does not need core.
 */
public final class ContractPlans {
  public static final MACAddress HOST_MAC = new MACAddressString("ee:ee:ee:ee:ee:ee").getAddress();
  public static final IPAddress IPV4_GATEWAY = TestNetwork.address("169.254.1.1");
  /** The host veth's link-local address, EUI-64 from {@link #HOST_MAC}. */
  public static final IPAddress IPV6_GATEWAY = TestNetwork.address("fe80::ecee:eeff:feee:eeee");
  public static final InterfaceName CONTAINER_INTERFACE = new InterfaceName("eth0");
  public static final int MTU = 1440;

  private ContractPlans() {}

  /** A plan for {@code addresses} (each with its prefix length, /32 or /128), either family or both. */
  public static VethPlan plan(InterfaceName host, NetworkNamespace namespace, List<IPAddress> addresses) {
    return plan(host, namespace, addresses, List.of());
  }

  /** As {@link #plan(InterfaceName, NetworkNamespace, List)}, with further host sysctls after Calico's. */
  public static VethPlan plan(InterfaceName host, NetworkNamespace namespace, List<IPAddress> addresses,
      List<Sysctl> extraSysctls) {
    boolean ipv4 = addresses.stream().anyMatch(IPAddress::isIPv4);
    boolean ipv6 = addresses.stream().anyMatch(IPAddress::isIPv6);
    List<Route> routes = new ArrayList<>();
    List<Sysctl> sysctls = new ArrayList<>();
    if (ipv4) {
      routes.add(Route.onLink(TestNetwork.address("169.254.1.1/32")));
      routes.add(Route.via(TestNetwork.address("0.0.0.0/0"), IPV4_GATEWAY));
      sysctls.addAll(ipv4Sysctls(host));
    }
    if (ipv6) {
      routes.add(Route.via(TestNetwork.address("::/0"), IPV6_GATEWAY));
      sysctls.addAll(ipv6Sysctls(host));
    }
    sysctls.addAll(extraSysctls);
    List<IPAddress> hostRoutes = addresses.stream().map(IPAddress::toPrefixBlock).toList();
    return new VethPlan(host, HOST_MAC, namespace, CONTAINER_INTERFACE, MTU, addresses, routes, hostRoutes, sysctls);
  }

  public static List<Sysctl> ipv4Sysctls(InterfaceName host) {
    return List.of(
        new Sysctl("net/ipv4/conf/" + host + "/proxy_arp", "1"),
        new Sysctl("net/ipv4/neigh/" + host + "/proxy_delay", "0"),
        new Sysctl("net/ipv4/conf/" + host + "/forwarding", "1"));
  }

  public static List<Sysctl> ipv6Sysctls(InterfaceName host) {
    return List.of(
        new Sysctl("net/ipv6/conf/" + host + "/proxy_ndp", "1"),
        new Sysctl("net/ipv6/conf/" + host + "/forwarding", "1"),
        new Sysctl("net/ipv6/conf/" + host + "/accept_dad", "0"));
  }
}
