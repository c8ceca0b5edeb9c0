package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.testkit.dataplane.Ipv6Forwarding;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.dataplane.TestNetwork;

/**
 * Plumbs workloads with the {@code ip} command the way Calico does (docs/calico-model.md, "Container plumbing") — so
 * the policy tests depend on no dataplane adapter: a veth {@code cali…} (MAC ee:ee:ee:ee:ee:ee) to {@code eth0} in a
 * fresh container, a /32 and a /128 from 198.18.0.0/15 and fd00:c0de::/32, the container's routes via 169.254.1.1
 * (proxy ARP) and via the host end's link-local address, the host's routes to both addresses, and the host end's
 * sysctls; and the {@link World} outside them. Closing removes every link, container (and its processes), route and
 * host address it made, also after a failed test.
 */
public final class WorkloadFixture implements AutoCloseable {
  /** The container's IPv6 gateway: the link-local address the host end derives from ee:ee:ee:ee:ee:ee. */
  public static final String HOST_LINK_LOCAL = "fe80::ecee:eeff:feee:eeee";

  private final TestNetwork network = new TestNetwork();
  private final Ipv6Forwarding forwarding = Ipv6Forwarding.enable();
  private InterfaceName hostAddressInterface;

  /** A workload plumbed on a fresh {@code cali…} interface; {@code name} is for messages. */
  public Workload workload(String name) {
    NetnsContainer container = network.container();
    InterfaceName host = network.workloadInterfaceName();
    IPAddress ipv4 = network.ipv4().withoutPrefixLength();
    IPAddress ipv6 = network.ipv6().withoutPrefixLength();
    KernelCommand.run("ip", "link", "add", host.value(), "address", "ee:ee:ee:ee:ee:ee", "type", "veth",
        "peer", "name", "eth0", "netns", String.valueOf(container.pid()));
    hostSysctls(host); // before the link goes up: accept_dad must hold for the host end's link-local address
    KernelCommand.run("ip", "link", "set", host.value(), "up");
    container.run("ip", "addr", "add", ipv4 + "/32", "dev", "eth0");
    container.run("ip", "-6", "addr", "add", ipv6 + "/128", "dev", "eth0", "nodad");
    container.run("ip", "link", "set", "eth0", "up");
    container.run("ip", "route", "add", "169.254.1.1", "dev", "eth0", "scope", "link");
    container.run("ip", "route", "add", "default", "via", "169.254.1.1", "dev", "eth0");
    container.run("ip", "-6", "route", "add", "default", "via", HOST_LINK_LOCAL, "dev", "eth0");
    KernelCommand.run("ip", "route", "add", ipv4 + "/32", "dev", host.value(), "scope", "link");
    KernelCommand.run("ip", "-6", "route", "add", ipv6 + "/128", "dev", host.value());
    return new Workload(name, container, host, ipv4, ipv6);
  }

  /** A namespace outside every pool, routed through the host ({@link World}); one per test. */
  public World world() {
    return World.plumb(network, forwarding);
  }

  /**
   * An address of the host's own (IPv4 or IPv6 as {@code ipv6} says), on an interface of the test's, for a
   * listener the workloads connect to.
   */
  public synchronized IPAddress hostAddress(boolean ipv6) {
    if (hostAddressInterface == null) {
      hostAddressInterface = network.foreignInterface();
    }
    IPAddress address = (ipv6 ? network.ipv6() : network.ipv4()).withoutPrefixLength();
    List<String> add = new ArrayList<>(List.of("ip", "addr", "add", address + (ipv6 ? "/128" : "/32"), "dev",
        hostAddressInterface.value()));
    if (ipv6) {
      add.add("nodad");
    }
    KernelCommand.run(add);
    return address;
  }

  private void hostSysctls(InterfaceName host) {
    List<Sysctl> sysctls = new ArrayList<>(List.of(
        new Sysctl("net/ipv4/conf/" + host + "/proxy_arp", "1"),
        new Sysctl("net/ipv4/conf/" + host + "/forwarding", "1"),
        new Sysctl("net/ipv4/neigh/" + host + "/proxy_delay", "0"),
        new Sysctl("net/ipv6/conf/" + host + "/proxy_ndp", "1"),
        new Sysctl("net/ipv6/conf/" + host + "/forwarding", "1"),
        new Sysctl("net/ipv6/conf/" + host + "/accept_dad", "0")));
    sysctls.addAll(forwarding.sysctls(host));
    sysctls.forEach(ProcSys::write);
  }

  @Override
  public void close() {
    try {
      network.close();
    } finally {
      forwarding.close();
    }
  }
}
