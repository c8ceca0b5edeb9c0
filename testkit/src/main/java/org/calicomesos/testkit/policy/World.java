package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.Ipv6Forwarding;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.dataplane.TestNetwork;

/**
 * A namespace outside every pool, as the Internet is to the host: a veth {@code nftw…} from the host
 * (203.0.113.1/24, 2001:db8:113::1/64) to the world's {@code eth0} (203.0.113.2/24, 2001:db8:113::2/64), whose
 * default routes lead through the host, so that a container's unmasqueraded traffic gets its answers too. Its
 * listeners report the source they saw; it also serves as a client from outside the host. {@link WorkloadFixture}
 * makes it and removes it with everything else.
 */
public final class World {
  private static final IPAddress HOST_IPV4 = TestNetwork.address("203.0.113.1");
  private static final IPAddress HOST_IPV6 = TestNetwork.address("2001:db8:113::1");
  private static final IPAddress WORLD_IPV4 = TestNetwork.address("203.0.113.2");
  private static final IPAddress WORLD_IPV6 = TestNetwork.address("2001:db8:113::2");

  private final NetnsContainer container;
  private final ContainerListener listener4;
  private final ContainerListener listener6;

  private World(NetnsContainer container) {
    this.container = container;
    listener4 = ContainerListener.reportingPeer(container, WORLD_IPV4);
    listener6 = ContainerListener.reportingPeer(container, WORLD_IPV6);
  }

  /** Links a new world to the host; {@code network} removes the link and the namespace. */
  static World plumb(TestNetwork network, Ipv6Forwarding forwarding) {
    NetnsContainer container = network.container();
    InterfaceName link = network.interfaceName("nftw");
    KernelCommand.run("ip", "link", "add", link.value(), "type", "veth", "peer", "name", "eth0", "netns",
        String.valueOf(container.pid()));
    // No duplicate address detection on either end: until it ends, the first IPv6 connection routed to the world
    // times out.
    List<Sysctl> sysctls = new ArrayList<>(List.of(new Sysctl("net/ipv4/conf/" + link + "/forwarding", "1"),
        new Sysctl("net/ipv6/conf/" + link + "/forwarding", "1"),
        new Sysctl("net/ipv6/conf/" + link + "/accept_dad", "0")));
    sysctls.addAll(forwarding.sysctls(link));
    sysctls.forEach(ProcSys::write);
    KernelCommand.run("ip", "addr", "add", HOST_IPV4 + "/24", "dev", link.value());
    KernelCommand.run("ip", "-6", "addr", "add", HOST_IPV6 + "/64", "dev", link.value(), "nodad");
    KernelCommand.run("ip", "link", "set", link.value(), "up");
    container.run("sysctl", "-qw", "net.ipv6.conf.eth0.accept_dad=0");
    container.run("ip", "addr", "add", WORLD_IPV4 + "/24", "dev", "eth0");
    container.run("ip", "-6", "addr", "add", WORLD_IPV6 + "/64", "dev", "eth0", "nodad");
    container.run("ip", "link", "set", "eth0", "up");
    container.run("ip", "route", "add", "default", "via", HOST_IPV4.toString());
    container.run("ip", "-6", "route", "add", "default", "via", HOST_IPV6.toString());
    return new World(container);
  }

  public NetnsContainer container() {
    return container;
  }

  /** The world's listener of {@code ipv6}'s family, which reports the source it saw. */
  public ContainerListener listener(boolean ipv6) {
    return ipv6 ? listener6 : listener4;
  }

  /** The world's own address of {@code ipv6}'s family. */
  public static IPAddress address(boolean ipv6) {
    return ipv6 ? WORLD_IPV6 : WORLD_IPV4;
  }

  /** The host's address on the world's link: where the world connects to, what a masqueraded container is seen as. */
  public static IPAddress hostAddress(boolean ipv6) {
    return ipv6 ? HOST_IPV6 : HOST_IPV4;
  }
}
