package org.calicomesos.testkit.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.testkit.dataplane.KernelFacts.containerLink;
import static org.calicomesos.testkit.dataplane.KernelFacts.containerRoutes;
import static org.calicomesos.testkit.dataplane.KernelFacts.hostBlackholesTo;
import static org.calicomesos.testkit.dataplane.KernelFacts.hostLink;
import static org.calicomesos.testkit.dataplane.KernelFacts.hostLinkNames;
import static org.calicomesos.testkit.dataplane.KernelFacts.hostRoutesTo;
import static org.calicomesos.testkit.dataplane.KernelFacts.sysctl;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.InterfaceExistsException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Sysctl;
import org.calicomesos.ports.dataplane.NamespaceNotFoundException;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.RouteConflictException;
import org.calicomesos.ports.dataplane.VethPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link Dataplane} adapter must show, checked as kernel facts read back with {@code ip -j}
 * and {@code /proc/sys} (never through the adapter), on real network namespaces. Needs root: without it the suite
 * fails rather than skips. Everything a test creates is named by its {@link TestNetwork} and removed afterwards.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class DataplaneContract {
  /** The adapter under test; called once per test. */
  protected abstract Dataplane dataplane();

  /** The names of the container-side cases' interfaces start with it, apart from the rest of the suite's. */
  private static final String CHECK_PREFIX = "chk";

  protected TestNetwork network;

  @BeforeAll
  static void requireRoot() {
    RootUser.require("the dataplane contract creates namespaces and interfaces");
  }

  @BeforeEach
  final void openNetwork() {
    network = new TestNetwork();
  }

  @AfterEach
  final void closeNetwork() {
    network.close();
  }

  // 1. IPv4

  @Test
  void anIpv4PlanAddressesRoutesAndConfiguresBothEnds() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName();
    IPAddress address = network.ipv4();

    PlumbedInterface plumbed = dataplane().plumb(ContractPlans.plan(host, container.namespace(), List.of(address)));

    JsonNode eth0 = containerLink(container, "eth0").orElseThrow();
    assertUp(eth0);
    assertThat(eth0.path("mtu").asInt()).isEqualTo(ContractPlans.MTU);
    assertThat(addresses(eth0)).contains(plain(address) + "/32");
    assertThat(plumbed.hostInterface()).isEqualTo(host);
    assertThat(plumbed.containerMac().toColonDelimitedString()).isEqualToIgnoringCase(eth0.path("address").asText());

    JsonNode routes = containerRoutes(container, "-4");
    assertThat(route(routes, "169.254.1.1")).hasValueSatisfying(r -> {
      assertThat(r.path("dev").asText()).isEqualTo("eth0");
      assertThat(r.path("scope").asText()).isEqualTo("link");
      assertThat(r.path("protocol").asText()).isEqualTo("196");
    });
    assertThat(route(routes, "default")).hasValueSatisfying(r -> {
      assertThat(r.path("gateway").asText()).isEqualTo("169.254.1.1");
      assertThat(r.path("dev").asText()).isEqualTo("eth0");
      assertThat(r.path("protocol").asText()).isEqualTo("196");
    });

    JsonNode hostEnd = hostLink(host.value()).orElseThrow();
    assertUp(hostEnd);
    assertThat(hostEnd.path("address").asText()).isEqualTo("ee:ee:ee:ee:ee:ee");
    assertThat(hostEnd.path("mtu").asInt()).isEqualTo(ContractPlans.MTU);
    JsonNode hostRoutes = hostRoutesTo(plain(address) + "/32");
    assertThat(hostRoutes).hasSize(1);
    assertThat(hostRoutes.get(0).path("dev").asText()).isEqualTo(host.value());
    assertThat(hostRoutes.get(0).path("scope").asText()).isEqualTo("link");
    assertThat(hostRoutes.get(0).path("protocol").asText()).isEqualTo("196");

    assertThat(sysctl("net/ipv4/conf/" + host + "/proxy_arp")).isEqualTo("1");
    assertThat(sysctl("net/ipv4/neigh/" + host + "/proxy_delay")).isEqualTo("0");
    assertThat(sysctl("net/ipv4/conf/" + host + "/forwarding")).isEqualTo("1");
  }

  // 2. IPv6

  @Test
  void anIpv6PlanGivesAUsableAddressAndADefaultRouteViaTheHostLinkLocal() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName();
    IPAddress address = network.ipv6();

    dataplane().plumb(ContractPlans.plan(host, container.namespace(), List.of(address)));

    JsonNode eth0 = containerLink(container, "eth0").orElseThrow();
    assertUp(eth0);
    JsonNode info = addressInfo(eth0, plain(address)).orElseThrow();
    assertThat(info.path("prefixlen").asInt()).isEqualTo(128);
    assertThat(info.has("tentative")).as("the container address must not wait for DAD").isFalse();
    assertThat(info.path("nodad").asBoolean()).isTrue();

    assertThat(route(containerRoutes(container, "-6"), "default")).hasValueSatisfying(r -> {
      assertThat(r.path("gateway").asText()).isEqualTo("fe80::ecee:eeff:feee:eeee");
      assertThat(r.path("dev").asText()).isEqualTo("eth0");
      assertThat(r.path("protocol").asText()).isEqualTo("196");
    });

    JsonNode hostRoutes = hostRoutesTo(plain(address) + "/128");
    assertThat(hostRoutes).hasSize(1);
    assertThat(hostRoutes.get(0).path("dev").asText()).isEqualTo(host.value());
    assertThat(hostRoutes.get(0).path("protocol").asText()).isEqualTo("196");

    assertThat(sysctl("net/ipv6/conf/" + host + "/proxy_ndp")).isEqualTo("1");
    assertThat(sysctl("net/ipv6/conf/" + host + "/forwarding")).isEqualTo("1");
    assertThat(sysctl("net/ipv6/conf/" + host + "/accept_dad")).isEqualTo("0");
    // The host end's link-local address is the container's gateway, so it must not be left tentative either.
    assertThat(addressInfo(hostLink(host.value()).orElseThrow(), "fe80::ecee:eeff:feee:eeee"))
        .hasValueSatisfying(a -> assertThat(a.has("tentative")).isFalse());
  }

  // 3. Real TCP

  @Test
  void theHostReachesAListenerInTheContainerOverBothFamilies() throws IOException {
    NetnsContainer container = network.container();
    IPAddress v4 = network.ipv4();
    IPAddress v6 = network.ipv6();
    dataplane().plumb(ContractPlans.plan(network.interfaceName(), container.namespace(), List.of(v4, v6)));

    assertThat(connectFromHost(ContainerListener.start(container, v4.withoutPrefixLength())))
        .isEqualTo(ContainerListener.GREETING);
    assertThat(connectFromHost(ContainerListener.start(container, v6.withoutPrefixLength())))
        .isEqualTo(ContainerListener.GREETING);
  }

  @Test
  void twoContainersReachEachOtherThroughTheHostOverBothFamilies() {
    try (Ipv6Forwarding forwarding = Ipv6Forwarding.enable()) {
      NetnsContainer a = network.container();
      NetnsContainer b = network.container();
      InterfaceName hostA = network.interfaceName();
      InterfaceName hostB = network.interfaceName();
      IPAddress a4 = network.ipv4();
      IPAddress a6 = network.ipv6();
      IPAddress b4 = network.ipv4();
      IPAddress b6 = network.ipv6();
      dataplane().plumb(ContractPlans.plan(hostA, a.namespace(), List.of(a4, a6), forwarding.sysctls(hostA)));
      dataplane().plumb(ContractPlans.plan(hostB, b.namespace(), List.of(b4, b6), forwarding.sysctls(hostB)));

      for (IPAddress target : List.of(b4, b6)) {
        ContainerListener listener = ContainerListener.start(b, target.withoutPrefixLength());
        assertThat(a.run("socat", "-u", listener.socatClientAddress(), "STDOUT").strip())
            .as("container A reads B's greeting on %s", target).isEqualTo(ContainerListener.GREETING);
      }
      ContainerListener back = ContainerListener.start(a, a4.withoutPrefixLength());
      assertThat(b.run("socat", "-u", back.socatClientAddress(), "STDOUT").strip()).isEqualTo(ContainerListener.GREETING);
    }
  }

  // 4. Rollback

  @Test
  void aConflictingHostRouteRollsEverythingBackAndLeavesTheOtherRouteAlone() {
    NetnsContainer container = network.container();
    InterfaceName other = network.foreignInterface();
    IPAddress address = network.ipv4();
    String cidr = plain(address) + "/32";
    KernelCommand.run("ip", "route", "add", cidr, "dev", other.value(), "proto", "static");
    InterfaceName host = network.interfaceName();

    assertThatThrownBy(() -> dataplane().plumb(ContractPlans.plan(host, container.namespace(), List.of(address))))
        .isInstanceOf(RouteConflictException.class)
        .hasMessageContaining(plain(address));

    assertThat(hostLink(host.value())).isEmpty();
    assertThat(containerLink(container, "eth0")).isEmpty();
    JsonNode routes = hostRoutesTo(cidr);
    assertThat(routes).hasSize(1);
    assertThat(routes.get(0).path("dev").asText()).isEqualTo(other.value());
    assertThat(routes.get(0).path("protocol").asText()).isEqualTo("static");
  }

  @Test
  void aRequiredSysctlTheKernelLacksRollsEverythingBack() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName();
    Sysctl missing = new Sysctl("net/ipv4/conf/" + host + "/no_such_setting", "1");

    assertThatThrownBy(() -> dataplane().plumb(
        ContractPlans.plan(host, container.namespace(), List.of(network.ipv4()), List.of(missing))))
        .isInstanceOf(DataplaneException.class).hasMessageContaining("no_such_setting");

    assertThat(hostLink(host.value())).isEmpty();
    assertThat(containerLink(container, "eth0")).isEmpty();
  }

  @Test
  void anOptionalSysctlTheKernelLacksIsSkipped() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName();
    Sysctl missing = Sysctl.ifSupported("net/ipv4/conf/" + host + "/no_such_setting", "1");

    dataplane().plumb(ContractPlans.plan(host, container.namespace(), List.of(network.ipv4()), List.of(missing)));

    assertThat(hostLink(host.value())).isNotEmpty();
    assertThat(containerLink(container, "eth0")).isNotEmpty();
  }

  // 5. Namespaces that are gone, or the host's own

  @Test
  void aNamespaceWhoseProcessExitedIsNotFoundAndNothingIsCreated() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(5, TimeUnit.SECONDS);
    InterfaceName host = network.interfaceName();

    assertThatThrownBy(() -> dataplane().plumb(
        ContractPlans.plan(host, new NetworkNamespace.OfProcess(gone.pid()), List.of(network.ipv4()))))
        .isInstanceOf(NamespaceNotFoundException.class);
    assertThatThrownBy(() -> dataplane().plumb(ContractPlans.plan(host,
        new NetworkNamespace.AtPath("/run/netns/" + host + "-absent"), List.of(network.ipv4()))))
        .isInstanceOf(NamespaceNotFoundException.class);
    assertThat(hostLink(host.value())).isEmpty();
  }

  @Test
  void aFileThatIsNoNetworkNamespaceIsRefusedAndNothingIsCreated() throws IOException {
    Path notANamespace = Files.createTempFile(TestNetwork.INTERFACE_PREFIX, ".ns");
    try {
      InterfaceName host = network.interfaceName();
      assertThatThrownBy(() -> dataplane().plumb(ContractPlans.plan(host,
          new NetworkNamespace.AtPath(notANamespace.toString()), List.of(network.ipv4()))))
          .isInstanceOf(NamespaceNotFoundException.class);
      assertThat(hostLink(host.value())).isEmpty();
    } finally {
      Files.deleteIfExists(notANamespace);
    }
  }

  @Test
  void theHostsOwnNamespaceIsRefusedAndNothingIsCreated() {
    List<String> before = hostLinkNames();
    String eth0Before = hostLink("eth0").map(KernelState::normalisedHostLink).orElse("");
    long ourPid = ProcessHandle.current().pid();
    List<NetworkNamespace> hostNamespaces = List.of(new NetworkNamespace.OfProcess(ourPid),
        new NetworkNamespace.AtPath("/proc/" + ourPid + "/ns/net"), new NetworkNamespace.OfProcess(1));
    for (NetworkNamespace namespace : hostNamespaces) {
      InterfaceName host = network.interfaceName();
      assertThatThrownBy(() -> dataplane().plumb(ContractPlans.plan(host, namespace, List.of(network.ipv4()))))
          .as("plumbing into %s", namespace.describe())
          .isInstanceOf(DataplaneException.class);
      assertThat(hostLink(host.value())).isEmpty();
    }
    assertThat(hostLinkNames()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(hostLink("eth0").map(KernelState::normalisedHostLink).orElse("")).isEqualTo(eth0Before);
  }

  // 6. An existing interface

  @Test
  void anExistingHostInterfaceIsRefusedAndLeftUntouched() {
    NetnsContainer container = network.container();
    InterfaceName existing = network.foreignInterface();
    String before = KernelState.normalisedHostLink(hostLink(existing.value()).orElseThrow());

    assertThatThrownBy(() -> dataplane().plumb(
        ContractPlans.plan(existing, container.namespace(), List.of(network.ipv4()))))
        .isInstanceOf(InterfaceExistsException.class)
        .hasMessageContaining(existing.value());

    assertThat(KernelState.normalisedHostLink(hostLink(existing.value()).orElseThrow())).isEqualTo(before);
    assertThat(hostLink(existing.value() + "p")).isPresent();
    assertThat(containerLink(container, "eth0")).isEmpty();
  }

  // 7. unplumb

  @Test
  void unplumbRemovesBothEndsAndTheRoutesAndIsIdempotent() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName();
    IPAddress v4 = network.ipv4();
    IPAddress v6 = network.ipv6();
    dataplane().plumb(ContractPlans.plan(host, container.namespace(), List.of(v4, v6)));

    assertThat(dataplane().unplumb(host)).isTrue();
    assertThat(dataplane().unplumb(host)).isFalse();

    assertThat(hostLink(host.value())).isEmpty();
    assertThat(hostRoutesTo(plain(v4) + "/32")).isEmpty();
    assertThat(hostRoutesTo(plain(v6) + "/128")).isEmpty();
    assertThat(containerLink(container, "eth0")).isEmpty();
  }

  @Test
  void plumbingAgainAfterUnplumbLeavesTheSameKernelState() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName();
    VethPlan plan = ContractPlans.plan(host, container.namespace(), List.of(network.ipv4(), network.ipv6()));

    dataplane().plumb(plan);
    KernelState hostFirst = KernelState.ofHost(host.value());
    KernelState containerFirst = KernelState.ofContainer(container);
    dataplane().unplumb(host);
    dataplane().plumb(plan);

    assertThat(KernelState.ofHost(host.value())).isEqualTo(hostFirst);
    assertThat(KernelState.ofContainer(container)).isEqualTo(containerFirst);
  }

  // 8. inspect, interface listing, host addresses

  @Test
  void inspectReportsTheKernelsViewAndNothingForAnAbsentInterface() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName();
    IPAddress v4 = network.ipv4();
    IPAddress v6 = network.ipv6();
    assertThat(dataplane().inspect(host)).isEmpty();
    dataplane().plumb(ContractPlans.plan(host, container.namespace(), List.of(v4, v6)));

    HostInterface seen = dataplane().inspect(host).orElseThrow();
    JsonNode kernel = hostLink(host.value()).orElseThrow();
    assertThat(seen.name()).isEqualTo(host);
    assertThat(seen.mac().toColonDelimitedString()).isEqualTo(kernel.path("address").asText());
    assertThat(seen.mtu()).isEqualTo(kernel.path("mtu").asInt());
    assertThat(seen.up()).isTrue();
    assertThat(seen.routes().stream().map(IPAddress::toCanonicalString))
        .containsExactlyInAnyOrder(v4.toPrefixBlock().toCanonicalString(), v6.toPrefixBlock().toCanonicalString());

    assertThat(dataplane().interfacesStartingWith(host.value())).containsExactly(host);
    assertThat(dataplane().interfacesStartingWith(TestNetwork.INTERFACE_PREFIX)).contains(host);
    dataplane().unplumb(host);
    assertThat(dataplane().inspect(host)).isEmpty();
    assertThat(dataplane().interfacesStartingWith(host.value())).isEmpty();
  }

  @Test
  void inspectContainerReportsThePlansAddressesAndRoutesAndNothingForAnAbsentInterface() {
    NetnsContainer container = network.container();
    InterfaceName host = network.interfaceName(CHECK_PREFIX);
    VethPlan plan = ContractPlans.plan(host, container.namespace(), List.of(network.ipv4(), network.ipv6()));
    dataplane().plumb(plan);

    ContainerInterface seen = dataplane().inspectContainer(container.namespace(), plan.containerInterface())
        .orElseThrow();

    assertThat(seen.name()).isEqualTo(plan.containerInterface());
    assertThat(seen.up()).isTrue();
    assertThat(seen.addresses().stream().map(IPAddress::toCanonicalString))
        .containsExactlyInAnyOrderElementsOf(plan.containerAddresses().stream().map(IPAddress::toCanonicalString)
            .toList());
    assertThat(seen.routes().stream().map(Object::toString))
        .containsExactlyInAnyOrderElementsOf(plan.containerRoutes().stream().map(Object::toString).toList());
    assertThat(dataplane().inspectContainer(container.namespace(), new InterfaceName("eth9"))).isEmpty();

    container.run("ip", "link", "set", "eth0", "down");
    assertThat(dataplane().inspectContainer(container.namespace(), plan.containerInterface()).orElseThrow().up())
        .isFalse();
    dataplane().unplumb(host);
    assertThat(dataplane().inspectContainer(container.namespace(), plan.containerInterface())).isEmpty();
  }

  @Test
  void inspectContainerInANamespaceThatIsGoneIsNotFound() {
    assertThatThrownBy(() -> dataplane().inspectContainer(
        new NetworkNamespace.AtPath("/run/netns/" + network.interfaceName(CHECK_PREFIX) + "-absent"),
        ContractPlans.CONTAINER_INTERFACE))
        .isInstanceOf(NamespaceNotFoundException.class);
  }

  @Test
  void hostAddressesListGlobalAddressesAndNotLinkLocalOnes() {
    InterfaceName owned = network.foreignInterface();
    IPAddress v4 = network.ipv4();
    IPAddress v6 = network.ipv6();
    KernelCommand.run("ip", "addr", "add", v4.toString(), "dev", owned.value());
    KernelCommand.run("ip", "addr", "add", v6.toString(), "dev", owned.value(), "nodad");

    List<HostAddress> addresses = dataplane().hostAddresses();

    List<String> ours = addresses.stream().filter(a -> a.interfaceName().equals(owned))
        .map(a -> a.address().toCanonicalString()).toList();
    assertThat(ours).containsExactlyInAnyOrder(plain(v4), plain(v6));
    assertThat(addresses).allSatisfy(a -> {
      assertThat(a.address().isPrefixed()).as("%s carries no prefix length", a).isFalse();
      assertThat(a.address().isLinkLocal()).as("%s is not link-local", a).isFalse();
      assertThat(a.address().isLoopback()).as("%s is not loopback", a).isFalse();
    });
  }

  // 9. Blackholes

  @Test
  void blackholesAreAddedOnceListedAndRemovedAndOnlyOurs() {
    IPAddress v4 = network.ipv4Block();
    IPAddress v6 = network.ipv6Block();
    IPAddress foreign = network.ipv4Block();
    while (foreign.toCanonicalString().equals(v4.toCanonicalString())) {
      foreign = network.ipv4Block();
    }
    KernelCommand.run("ip", "route", "add", "blackhole", foreign.toCanonicalString(), "proto", "static");

    for (IPAddress block : List.of(v4, v6)) {
      dataplane().addBlackhole(block);
      dataplane().addBlackhole(block);
      JsonNode routes = hostBlackholesTo(block.toCanonicalString());
      assertThat(routes).as("one blackhole to %s", block).hasSize(1);
      assertThat(routes.get(0).path("protocol").asText()).isEqualTo("196");
    }
    List<String> listed = dataplane().blackholes().stream().map(IPAddress::toCanonicalString).toList();
    assertThat(listed).contains(v4.toCanonicalString(), v6.toCanonicalString())
        .doesNotContain(foreign.toCanonicalString());

    assertThat(dataplane().removeBlackhole(foreign)).isFalse();
    assertThat(hostBlackholesTo(foreign.toCanonicalString())).hasSize(1);
    for (IPAddress block : List.of(v4, v6)) {
      assertThat(dataplane().removeBlackhole(block)).isTrue();
      assertThat(dataplane().removeBlackhole(block)).isFalse();
      assertThat(hostBlackholesTo(block.toCanonicalString())).isEmpty();
    }
    assertThat(dataplane().blackholes().stream().map(IPAddress::toCanonicalString))
        .doesNotContain(v4.toCanonicalString(), v6.toCanonicalString());
  }

  // 10. Concurrency

  @Test
  void twoContainersPlumbedAtOnceBothSucceed() {
    NetnsContainer a = network.container();
    NetnsContainer b = network.container();
    VethPlan planA = ContractPlans.plan(network.interfaceName(), a.namespace(), List.of(network.ipv4(), network.ipv6()));
    VethPlan planB = ContractPlans.plan(network.interfaceName(), b.namespace(), List.of(network.ipv4(), network.ipv6()));
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<PlumbedInterface>> runs = new ArrayList<>();
    for (VethPlan plan : List.of(planA, planB)) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return dataplane().plumb(plan);
      }));
    }
    runs.forEach(CompletableFuture::join);

    for (var pair : List.of(List.of(planA, a), List.of(planB, b))) {
      VethPlan plan = (VethPlan) pair.get(0);
      NetnsContainer container = (NetnsContainer) pair.get(1);
      assertUp(hostLink(plan.hostInterface().value()).orElseThrow());
      JsonNode eth0 = containerLink(container, "eth0").orElseThrow();
      assertUp(eth0);
      assertThat(addresses(eth0)).containsAll(plan.containerAddresses().stream()
          .map(x -> plain(x) + "/" + x.getNetworkPrefixLength()).toList());
    }
  }

  // helpers

  private static String plain(IPAddress address) {
    return address.withoutPrefixLength().toCanonicalString();
  }

  private static void assertUp(JsonNode link) {
    List<String> flags = StreamSupport.stream(link.path("flags").spliterator(), false).map(JsonNode::asText).toList();
    assertThat(flags).as("flags of %s", link.path("ifname").asText()).contains("UP", "LOWER_UP");
  }

  private static List<String> addresses(JsonNode link) {
    List<String> out = new ArrayList<>();
    link.path("addr_info").forEach(a -> out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt()));
    return out;
  }

  private static Optional<JsonNode> addressInfo(JsonNode link, String address) {
    return StreamSupport.stream(link.path("addr_info").spliterator(), false)
        .filter(a -> a.path("local").asText().equals(address)).findFirst();
  }

  private static Optional<JsonNode> route(JsonNode routes, String dst) {
    return StreamSupport.stream(routes.spliterator(), false).filter(r -> r.path("dst").asText().equals(dst)).findFirst();
  }

  private static String connectFromHost(ContainerListener listener) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(listener.address().toInetAddress(), listener.port()), 5_000);
      socket.setSoTimeout(5_000);
      try (InputStream in = socket.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
    }
  }
}
