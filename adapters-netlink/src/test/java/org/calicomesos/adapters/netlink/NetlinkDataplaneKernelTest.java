package org.calicomesos.adapters.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.InterfaceExistsException;
import org.calicomesos.ports.dataplane.NamespaceNotFoundException;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.RouteConflictException;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.ports.dataplane.VethPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The netlink dataplane against the real kernel: real namespaces, veths and routes, read back with {@code ip}. */
class NetlinkDataplaneKernelTest {
  private final NetlinkDataplane dataplane = new NetlinkDataplane();
  private final TestPlans plans = new TestPlans();
  private final List<ScratchNamespace> namespaces = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    plans.cleanUp();
    namespaces.forEach(ScratchNamespace::close);
  }

  private ScratchNamespace container() {
    ScratchNamespace namespace = ScratchNamespace.start();
    namespaces.add(namespace);
    return namespace;
  }

  @Test
  void plumbsADualStackContainerAsThePlanSays() {
    ScratchNamespace container = container();
    VethPlan plan = plans.dualStackPlan(1, new NetworkNamespace.OfProcess(container.pid()));

    PlumbedInterface plumbed = dataplane.plumb(plan);

    String host = plan.hostInterface().value();
    String hostLink = Shell.ok("ip", "-o", "link", "show", "dev", host);
    assertThat(hostLink).contains("mtu 1450").contains("state UP").contains(plan.hostMac().toColonDelimitedString());
    String eth0 = container.inside("ip", "-o", "link", "show", "dev", "eth0");
    assertThat(eth0).contains("mtu 1450").contains(",UP").contains(plumbed.containerMac().toColonDelimitedString());
    assertThat(container.inside("ip", "-o", "addr", "show", "dev", "eth0"))
        .contains("inet " + plans.ipv4(1).toCanonicalString())
        .contains("inet6 " + plans.ipv6(1).toCanonicalString());
    // Usable at once: no duplicate address detection on the IPAM's address (eth0's own link-local may be tentative).
    assertThat(container.inside("ip", "-o", "-6", "addr", "show", "dev", "eth0", "scope", "global"))
        .contains("nodad").doesNotContain("tentative");
    assertThat(container.inside("ip", "route", "show"))
        .contains("default via 169.254.1.1 dev eth0 proto 196")
        .contains("169.254.1.1 dev eth0 proto 196 scope link");
    assertThat(container.inside("ip", "-6", "route", "show"))
        .contains("default via " + TestPlans.linkLocal(plan.hostMac()).toCanonicalString() + " dev eth0 proto 196");
    assertThat(Shell.ok("ip", "route", "show", "dev", host))
        .contains(plans.ipv4(1).withoutPrefixLength().toCanonicalString() + " proto 196 scope link");
    assertThat(Shell.ok("ip", "-6", "route", "show", "dev", host))
        .contains(plans.ipv6(1).withoutPrefixLength().toCanonicalString() + " proto 196");
    for (Sysctl sysctl : plan.hostSysctls()) {
      assertThat(read("/proc/sys/" + sysctl.key())).as(sysctl.key()).isEqualTo(sysctl.value());
    }

    HostInterface inspected = dataplane.inspect(plan.hostInterface()).orElseThrow();
    assertThat((Object) inspected.mac()).isEqualTo(plan.hostMac());
    assertThat(inspected.mtu()).isEqualTo(1450);
    assertThat(inspected.up()).isTrue();
    assertThat(inspected.routes()).containsExactlyInAnyOrder(plans.ipv4(1), plans.ipv6(1));
    assertThat(dataplane.interfacesStartingWith(plans.prefix())).containsExactly(plan.hostInterface());
  }

  @Test
  void theHostReachesThePlumbedContainerThroughProxyArp() {
    ScratchNamespace container = container();
    VethPlan plan = plans.ipv4Plan(2, new NetworkNamespace.OfProcess(container.pid()));
    dataplane.plumb(plan);

    String address = plans.ipv4(2).withoutPrefixLength().toCanonicalString();
    // The container answers one TCP connection; its reply must find 169.254.1.1 through the host's proxy ARP.
    Process server;
    try {
      server = new ProcessBuilder("nsenter", "-t", Long.toString(container.pid()), "-n",
          "socat", "-T5", "TCP-LISTEN:7777,bind=" + address + ",reuseaddr", "SYSTEM:echo reached").start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      String answer = "";
      for (int attempt = 0; attempt < 50 && !answer.contains("reached"); attempt++) {
        answer = Shell.run("socat", "-T3", "-", "TCP:" + address + ":7777,connect-timeout=3").output();
        if (!answer.contains("reached")) {
          sleep(50); // the listener may not be up yet
        }
      }
      assertThat(answer).contains("reached");
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void unplumbRemovesThePairAndItsRoutesAndIsIdempotent() {
    ScratchNamespace container = container();
    VethPlan plan = plans.ipv4Plan(3, new NetworkNamespace.OfProcess(container.pid()));
    dataplane.plumb(plan);

    assertThat(dataplane.unplumb(plan.hostInterface())).isTrue();
    assertThat(dataplane.unplumb(plan.hostInterface())).isFalse();
    assertThat(dataplane.inspect(plan.hostInterface())).isEmpty();
    assertThat(Shell.ok("ip", "route", "show", "proto", "196")).doesNotContain(plans.ipv4(3).withoutPrefixLength().toCanonicalString() + " ");
    assertThat(container.inside("ip", "-o", "link", "show")).doesNotContain("eth0");
  }

  @Test
  void anExistingHostInterfaceIsRefusedAndLeftAlone() {
    ScratchNamespace container = container();
    VethPlan plan = plans.ipv4Plan(4, new NetworkNamespace.OfProcess(container.pid()));
    Shell.ok("ip", "link", "add", plan.hostInterface().value(), "type", "veth", "peer", "name", plans.prefix() + "p4");

    assertThatThrownBy(() -> dataplane.plumb(plan)).isInstanceOf(InterfaceExistsException.class)
        .hasMessage("interface " + plan.hostInterface() + " already exists on this host");
    assertThat(Shell.ok("ip", "-o", "link", "show", "dev", plan.hostInterface().value())).contains("@" + plans.prefix() + "p4");
    assertThat(container.inside("ip", "-o", "link", "show")).doesNotContain("eth0");
  }

  @Test
  void aGoneProcessIsANamespaceNotFound() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    VethPlan plan = plans.ipv4Plan(5, new NetworkNamespace.OfProcess(gone.pid()));

    assertThatThrownBy(() -> dataplane.plumb(plan)).isInstanceOf(NamespaceNotFoundException.class)
        .hasMessage("the network namespace of pid " + gone.pid() + " is gone: the process has exited");
    assertThat(dataplane.inspect(plan.hostInterface())).isEmpty();
  }

  @Test
  void aFileThatIsNoNetworkNamespaceIsRefused() {
    assertThatThrownBy(() -> dataplane.plumb(plans.ipv4Plan(6, new NetworkNamespace.AtPath("/proc/self/ns/mnt"))))
        .isInstanceOf(NamespaceNotFoundException.class)
        .hasMessage("the network namespace at /proc/self/ns/mnt is not a network namespace");
    assertThatThrownBy(() -> dataplane.plumb(plans.ipv4Plan(6, new NetworkNamespace.AtPath("/etc/hostname"))))
        .isInstanceOf(NamespaceNotFoundException.class);
    assertThatThrownBy(() -> dataplane.plumb(plans.ipv4Plan(6, new NetworkNamespace.AtPath("/var/run/netns/none"))))
        .isInstanceOf(NamespaceNotFoundException.class)
        .hasMessage("the network namespace at /var/run/netns/none does not exist");
    assertThat(dataplane.inspect(plans.hostInterface(6))).isEmpty();
  }

  @Test
  void theHostsOwnNamespaceIsRefused() {
    VethPlan plan = plans.ipv4Plan(7, new NetworkNamespace.OfProcess(ProcessHandle.current().pid()));

    assertThatThrownBy(() -> dataplane.plumb(plan)).isExactlyInstanceOf(DataplaneException.class)
        .hasMessageContaining("this host's own network namespace");
    assertThat(dataplane.inspect(plan.hostInterface())).isEmpty();
    assertThat(Shell.ok("ip", "-o", "link", "show")).doesNotContain("eth0@");
  }

  @Test
  void anAlreadyRoutedDestinationIsAConflictAndThePairIsRemoved() {
    ScratchNamespace container = container();
    VethPlan plan = plans.ipv4Plan(8, new NetworkNamespace.OfProcess(container.pid()));
    String taken = plans.ipv4(8).toCanonicalString();
    Shell.ok("ip", "route", "add", taken, "dev", "lo");
    try {
      assertThatThrownBy(() -> dataplane.plumb(plan)).isInstanceOf(RouteConflictException.class)
          .hasMessage("cannot route " + plans.ipv4(8).withoutPrefixLength()
              + " to the container: the destination is already routed on this host");
      assertThat(dataplane.inspect(plan.hostInterface())).isEmpty();
      assertThat(container.inside("ip", "-o", "link", "show")).doesNotContain("eth0");
      assertThat(Shell.ok("ip", "route", "show", taken)).contains("dev lo");
    } finally {
      Shell.run("ip", "route", "del", taken, "dev", "lo");
    }
  }

  @Test
  void aFailedSysctlRollsThePairBack() {
    ScratchNamespace container = container();
    VethPlan good = plans.ipv4Plan(9, new NetworkNamespace.OfProcess(container.pid()));
    VethPlan plan = new VethPlan(good.hostInterface(), good.hostMac(), good.namespace(), good.containerInterface(),
        good.mtu(), good.containerAddresses(), good.containerRoutes(), good.hostRoutes(),
        List.of(new Sysctl("net/ipv4/conf/" + plans.prefix() + "zz/proxy_arp", "1")));

    assertThatThrownBy(() -> dataplane.plumb(plan)).isInstanceOf(DataplaneException.class)
        .hasMessageStartingWith("cannot set sysctl net/ipv4/conf/" + plans.prefix() + "zz/proxy_arp=1");
    assertThat(dataplane.inspect(plan.hostInterface())).isEmpty();
    assertThat(container.inside("ip", "-o", "link", "show")).doesNotContain("eth0");
  }

  @Test
  void blackholesAreAddedOnceListedAndRemoved() {
    IPAddress v4 = plans.ipv4Block();
    IPAddress v6 = plans.ipv6Block();

    dataplane.addBlackhole(v4);
    dataplane.addBlackhole(v4); // already there: no-op
    dataplane.addBlackhole(v6);

    assertThat(dataplane.blackholes()).contains(v4, v6);
    assertThat(Shell.ok("ip", "route", "show", "type", "blackhole", "proto", "196")).contains(v4.toCanonicalString());
    assertThat(dataplane.removeBlackhole(v4)).isTrue();
    assertThat(dataplane.removeBlackhole(v4)).isFalse();
    assertThat(dataplane.removeBlackhole(v6)).isTrue();
    assertThat(dataplane.blackholes()).doesNotContain(v4, v6);
  }

  @Test
  void hostAddressesAreTheGlobalOnes() {
    List<HostAddress> addresses = dataplane.hostAddresses();
    String global = Shell.ok("ip", "-o", "addr", "show", "scope", "global");
    for (HostAddress address : addresses) {
      assertThat(global).contains(address.interfaceName() + " ").contains(" " + address.address().toCanonicalString() + "/");
    }
    assertThat(addresses).hasSize((int) global.lines().count());
    assertThat(addresses).noneMatch(a -> a.address().isLoopback() || a.address().isLinkLocal());
  }

  @Test
  void severalThreadsPlumbDifferentContainersAtOnce() throws Exception {
    int count = 6;
    List<ScratchNamespace> containers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      containers.add(container());
    }
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<PlumbedInterface>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        VethPlan plan = plans.dualStackPlan(0x20 + i, new NetworkNamespace.OfProcess(containers.get(i).pid()));
        results.add(pool.submit(() -> dataplane.plumb(plan)));
      }
      for (int i = 0; i < count; i++) {
        PlumbedInterface plumbed = results.get(i).get();
        assertThat(containers.get(i).inside("ip", "-o", "addr", "show", "dev", "eth0"))
            .contains(plans.ipv4(0x20 + i).toCanonicalString());
        assertThat(containers.get(i).inside("ip", "-o", "link", "show", "dev", "eth0"))
            .contains(plumbed.containerMac().toColonDelimitedString());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(dataplane.interfacesStartingWith(plans.prefix())).hasSize(count);
    // No thread of ours was left in a container's namespace.
    assertThat(Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")))
        .isEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file)).trim();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
