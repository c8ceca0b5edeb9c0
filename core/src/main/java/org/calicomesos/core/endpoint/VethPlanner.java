package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.mac.MACAddress;
import inet.ipaddr.MACAddressString;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * A container's plumbing the way Calico does it (docs/calico-model.md, "Container plumbing"): host end {@code cali…}
 * with the fixed MAC {@code ee:ee:ee:ee:ee:ee} (so the IPv6 gateway, its link-local address, is known in advance),
 * container end named by the caller ({@code eth0} for net-modules, CNI's {@code CNI_IFNAME}); IPv4 /32 with an on-link route to 169.254.1.1 and the default route via it, answered by
 * proxy ARP on the host end; IPv6 /128 with the default route via the host end's link-local address; one host route
 * per address.
 */
public final class VethPlanner {
  static final String HOST_INTERFACE_PREFIX = "cali";
  /** net-modules names no interface: the container's is always {@code eth0}. */
  static final InterfaceName NET_MODULES_INTERFACE = new InterfaceName("eth0");
  public static final MACAddress HOST_MAC = new MACAddressString("ee:ee:ee:ee:ee:ee").getAddress();
  static final IPAddress IPV4_GATEWAY = new IPAddressString(EndpointCodec.IPV4_GATEWAY).getAddress();
  static final IPAddress IPV6_GATEWAY = new IPAddressString(EndpointCodec.IPV6_GATEWAY).getAddress();
  private static final IPAddress IPV4_DEFAULT = new IPAddressString("0.0.0.0/0").getAddress();
  private static final IPAddress IPV6_DEFAULT = new IPAddressString("::/0").getAddress();

  private VethPlanner() {}

  /** A net-modules container's plan: its interface is {@code eth0}. */
  static VethPlan plan(InterfaceName host, NetworkNamespace namespace, List<IPAddress> addresses, int mtu) {
    return plan(host, namespace, NET_MODULES_INTERFACE, addresses, mtu, true);
  }

  /**
   * @param routed whether the container's routes (the gateway, the default route) go through this interface: only
   *     a container's first interface carries them, since a second would find the same destinations taken; a
   *     second interface gets its addresses, and its host end routes and answers for them as the first's does
   */
  public static VethPlan plan(InterfaceName host, NetworkNamespace namespace, InterfaceName container,
      List<IPAddress> addresses, int mtu, boolean routed) {
    List<IPAddress> containerAddresses = new ArrayList<>();
    List<IPAddress> hostRoutes = new ArrayList<>();
    boolean v4 = false;
    boolean v6 = false;
    for (IPAddress address : addresses) {
      IPAddress single = address.withoutPrefixLength().toPrefixBlock(address.getBitCount());
      containerAddresses.add(single);
      hostRoutes.add(single);
      v4 |= address.isIPv4();
      v6 |= address.isIPv6();
    }
    List<Route> routes = new ArrayList<>();
    List<Sysctl> sysctls = new ArrayList<>();
    String name = host.value();
    if (v4) {
      if (routed) {
        routes.add(Route.onLink(IPV4_GATEWAY.toPrefixBlock(32)));
        routes.add(Route.via(IPV4_DEFAULT, IPV4_GATEWAY));
      }
      sysctls.add(new Sysctl("net/ipv4/conf/" + name + "/forwarding", "1"));
      sysctls.add(new Sysctl("net/ipv4/conf/" + name + "/proxy_arp", "1"));
      sysctls.add(new Sysctl("net/ipv4/neigh/" + name + "/proxy_delay", "0"));
    }
    if (v6) {
      if (routed) {
        routes.add(Route.via(IPV6_DEFAULT, IPV6_GATEWAY));
      }
      sysctls.add(new Sysctl("net/ipv6/conf/" + name + "/accept_dad", "0"));
      sysctls.add(new Sysctl("net/ipv6/conf/" + name + "/forwarding", "1"));
      sysctls.add(new Sysctl("net/ipv6/conf/" + name + "/proxy_ndp", "1"));
      // IPv6 forwards only with the global switch on, or (Linux 6.17+) this per-interface one: use it where it
      // exists, so container-to-container IPv6 works without turning the whole host into a router.
      sysctls.add(Sysctl.ifSupported("net/ipv6/conf/" + name + "/force_forwarding", "1"));
    }
    return new VethPlan(host, HOST_MAC, namespace, container, mtu, containerAddresses, routes, hostRoutes,
        sysctls);
  }
}
