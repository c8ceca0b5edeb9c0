package org.calicomesos.testkit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.testkit.dataplane.RootUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every {@link RouteTable} adapter must show. Each test gets a {@link RouteNamespace} of its own
 * standing in for the host, and calls the adapter on a thread inside it; what the kernel holds is read back with
 * {@code ip -n <namespace> -j}, never through the adapter. Encapsulated routes need {@value VxlanTunnel#DEVICE},
 * which those tests make by hand ({@link KernelVxlan}), not through a tunnel adapter. The host's own routes are
 * never touched. Needs root: without it the suite fails rather than skips.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
public abstract class RouteTableContract {
  /** The adapter under test; called once per test, on the test's thread. */
  protected abstract RouteTable routeTable();

  /** The same adapter's {@link Dataplane}, for the blackholes a route table must leave alone. */
  protected abstract Dataplane dataplane();

  /** One IPv4 destination via one gateway, reached directly or through the tunnel (section 5). */
  private static final HostRoute DIRECT = RouteFamily.IPV4.route(RouteFamily.IPV4.block(0),
      RouteFamily.IPV4.gateway());
  private static final HostRoute WRAPPED = encapsulated(RouteFamily.IPV4.block(0), RouteFamily.IPV4.gateway());

  private RouteNamespace namespace;
  private RouteTable table;

  @BeforeAll
  static void requireRoot() {
    RootUser.require("the route table contract creates network namespaces");
  }

  @BeforeEach
  final void openNamespace() {
    namespace = RouteNamespace.create();
    table = new InsideRouteTable(routeTable(), namespace.inside());
  }

  @AfterEach
  final void closeNamespace() {
    namespace.close();
  }

  static Stream<RouteFamily> families() {
    return Stream.of(RouteFamily.IPV4, RouteFamily.IPV6);
  }

  // 1. add, list, replace, remove

  @ParameterizedTest
  @MethodSource("families")
  void anAddedRouteIsListedAndTheKernelHasItWithOurProtocolAndGateway(RouteFamily family) {
    HostRoute route = family.route(family.block(0), family.gateway());

    table.add(route);

    assertThat(table.hostRoutes()).containsExactly(route);
    assertKernelRoute(route);
  }

  @ParameterizedTest
  @MethodSource("families")
  void addingTheSameRouteAgainChangesNothing(RouteFamily family) {
    HostRoute route = family.route(family.block(0), family.gateway());
    table.add(route);
    JsonNode before = namespace.routes(family.flag());

    table.add(route);

    assertThat(namespace.routes(family.flag())).isEqualTo(before);
    assertThat(table.hostRoutes()).containsExactly(route);
  }

  @ParameterizedTest
  @MethodSource("families")
  void addingTheSameDestinationViaAnotherGatewayReplacesTheRoute(RouteFamily family) {
    table.add(family.route(family.block(0), family.gateway()));
    HostRoute moved = family.route(family.block(0), family.otherGateway());

    table.add(moved);

    assertThat(table.hostRoutes()).containsExactly(moved);
    assertKernelRoute(moved);
  }

  @ParameterizedTest
  @MethodSource("families")
  void aSingleBorrowedAddressIsRoutedAndListedWithItsFullPrefixLength(RouteFamily family) {
    HostRoute route = family.route(family.single(), family.gateway());

    table.add(route);

    assertThat(table.hostRoutes()).containsExactly(route);
    assertThat(table.hostRoutes().get(0).destination().getNetworkPrefixLength())
        .isEqualTo(family.isIpv4() ? 32 : 128);
    assertKernelRoute(route);
  }

  @ParameterizedTest
  @MethodSource("families")
  void removeDeletesTheRouteOnceAndThenReportsFalse(RouteFamily family) {
    HostRoute route = family.route(family.block(0), family.gateway());
    table.add(route);

    assertThat(table.remove(route)).isTrue();
    assertThat(table.remove(route)).isFalse();

    assertThat(table.hostRoutes()).isEmpty();
    assertThat(namespace.routesTo(cidr(route))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("families")
  void removingTheDestinationViaAnotherGatewayLeavesTheRoute(RouteFamily family) {
    HostRoute route = family.route(family.block(0), family.gateway());
    table.add(route);

    assertThat(table.remove(family.route(family.block(0), family.otherGateway()))).isFalse();

    assertThat(table.hostRoutes()).containsExactly(route);
    assertKernelRoute(route);
  }

  // 2. Routes that are not ours, or ours of another kind

  @ParameterizedTest
  @MethodSource("families")
  void aRouteOfAnotherProtocolIsNeitherListedNorReplacedNorRemoved(RouteFamily family) {
    IPAddress block = family.block(0);
    namespace.ip(family.flag(), "route", "add", block.toCanonicalString(), "via", family.gateway(), "proto", "static");

    assertThat(table.hostRoutes()).isEmpty();
    for (String via : List.of(family.otherGateway(), family.gateway())) {
      assertThatThrownBy(() -> table.add(family.route(block, via)))
          .as("adding %s via %s over the static route", block, via)
          .isInstanceOf(DataplaneException.class)
          .hasMessageContaining(block.toCanonicalString());
    }
    assertThat(table.remove(family.route(block, family.gateway()))).isFalse();

    JsonNode kernel = namespace.routesTo(block.toCanonicalString());
    assertThat(kernel).hasSize(1);
    assertThat(kernel.get(0).path("protocol").asText()).isEqualTo("static");
    assertThat(kernel.get(0).path("gateway").asText()).isEqualTo(family.gateway());
  }

  @ParameterizedTest
  @MethodSource("families")
  void ourVethRoutesAndBlackholesAreNeitherListedNorReplacedNorRemoved(RouteFamily family) {
    IPAddress single = family.single();
    IPAddress block = family.block(0);
    List<String> vethRoute = new ArrayList<>(List.of(family.flag(), "route", "add", single.toCanonicalString(),
        "dev", RouteNamespace.LINK, "proto", String.valueOf(Dataplane.ROUTE_PROTOCOL)));
    if (family.isIpv4()) {
      vethRoute.addAll(List.of("scope", "link")); // as the dataplane adds a veth's route
    }
    namespace.ip(vethRoute.toArray(String[]::new));
    Dataplane dataplane = dataplane();
    namespace.inside().run(() -> dataplane.addBlackhole(block));
    String vethBefore = namespace.routesTo(single.toCanonicalString()).toString();
    String blackholeBefore = namespace.routesTo(block.toCanonicalString()).toString();

    assertThat(table.hostRoutes()).isEmpty();
    for (IPAddress destination : List.of(single, block)) {
      HostRoute route = family.route(destination, family.gateway());
      assertThatThrownBy(() -> table.add(route)).as("adding %s", route).isInstanceOf(DataplaneException.class)
          .hasMessageContaining(destination.toCanonicalString());
      assertThat(table.remove(route)).as("removing %s", route).isFalse();
    }

    assertThat(namespace.routesTo(single.toCanonicalString()).toString()).isEqualTo(vethBefore);
    assertThat(namespace.routesTo(block.toCanonicalString()).toString()).isEqualTo(blackholeBefore)
        .contains("blackhole");
  }

  @ParameterizedTest
  @MethodSource("families")
  void ourProtocolInAnotherTableIsNotListedNorRemoved(RouteFamily family) {
    HostRoute route = family.route(family.block(0), family.gateway());
    namespace.ip(family.flag(), "route", "add", cidr(route), "via", family.gateway(), "proto",
        String.valueOf(Dataplane.ROUTE_PROTOCOL), "table", "100");

    assertThat(table.hostRoutes()).isEmpty();
    assertThat(table.remove(route)).isFalse();

    assertThat(namespace.routesInTable(family.flag(), "100")).hasSize(1);
  }

  // 3. A gateway this host cannot reach directly

  @ParameterizedTest
  @MethodSource("families")
  void aGatewayOnNoAttachedLinkIsRefusedInOneLineAndNothingIsAdded(RouteFamily family) {
    HostRoute route = family.route(family.block(0), family.unreachableGateway());

    assertThatThrownBy(() -> table.add(route))
        .isInstanceOf(DataplaneException.class)
        .hasMessageContaining(cidr(route))
        .hasMessageContaining(route.gateway().toCanonicalString())
        .satisfies(e -> assertThat(e.getMessage()).as("one line for the operator").doesNotContain("\n"));

    assertThat(namespace.routesTo(cidr(route))).isEmpty();
    assertThat(table.hostRoutes()).isEmpty();
  }

  // 4. Many

  @Test
  void twoHundredRoutesOfBothFamiliesAreListedAndRemoved() {
    List<HostRoute> routes = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      routes.add(alternating(RouteFamily.IPV4, i));
    }
    for (int i = 0; i < 50; i++) {
      routes.add(alternating(RouteFamily.IPV6, i));
    }
    routes.forEach(table::add);

    assertThat(table.hostRoutes()).containsExactlyInAnyOrderElementsOf(routes);
    assertThat(ourRouteCount("-4")).isEqualTo(150);
    assertThat(ourRouteCount("-6")).isEqualTo(50);

    routes.forEach(route -> assertThat(table.remove(route)).as("removing %s", route).isTrue());
    assertThat(table.hostRoutes()).isEmpty();
    assertThat(ourRouteCount("-4") + ourRouteCount("-6")).isZero();
  }

  // 5. Encapsulated routes (IPv4), through vxlan.calico made by hand

  @Test
  void anEncapsulatedRouteIsListedAndTheKernelHasItThroughTheDeviceOnlink() {
    addTunnelDeviceByHand();
    // A gateway on no attached link: onlink through the device is what makes it reachable.
    HostRoute route = encapsulated(RouteFamily.IPV4.block(0), RouteFamily.IPV4.unreachableGateway());

    table.add(route);

    assertThat(table.hostRoutes()).containsExactly(route);
    assertKernelRoute(route);
  }

  @Test
  void addingTheSameEncapsulatedRouteAgainChangesNothing() {
    addTunnelDeviceByHand();
    HostRoute route = encapsulated(RouteFamily.IPV4.block(0), RouteFamily.IPV4.unreachableGateway());
    table.add(route);
    JsonNode before = namespace.routes("-4");

    table.add(route);

    assertThat(namespace.routes("-4")).isEqualTo(before);
  }

  @Test
  void aDestinationSwitchesBetweenADirectAndAnEncapsulatedRouteAndBack() {
    addTunnelDeviceByHand();
    table.add(DIRECT);

    table.add(WRAPPED);
    assertThat(table.hostRoutes()).containsExactly(WRAPPED);
    assertKernelRoute(WRAPPED);

    table.add(DIRECT);
    assertThat(table.hostRoutes()).containsExactly(DIRECT);
    assertKernelRoute(DIRECT);
  }

  @Test
  void anEncapsulatedRouteViaAnotherGatewayReplacesIt() {
    addTunnelDeviceByHand();
    RouteFamily family = RouteFamily.IPV4;
    table.add(encapsulated(family.block(0), family.unreachableGateway()));
    HostRoute moved = encapsulated(family.block(0), family.gateway());

    table.add(moved);

    assertThat(table.hostRoutes()).containsExactly(moved);
    assertKernelRoute(moved);
  }

  @Test
  void removeTakesOnlyTheRouteWithTheSameEncapsulation() {
    addTunnelDeviceByHand();

    table.add(WRAPPED);
    assertThat(table.remove(DIRECT)).as("removing the direct route over an encapsulated one").isFalse();
    assertKernelRoute(WRAPPED);
    assertThat(table.remove(WRAPPED)).isTrue();
    assertThat(namespace.routesTo(cidr(WRAPPED))).isEmpty();

    table.add(DIRECT);
    assertThat(table.remove(WRAPPED)).as("removing the encapsulated route over a direct one").isFalse();
    assertKernelRoute(DIRECT);
    assertThat(table.remove(DIRECT)).isTrue();
    assertThat(namespace.routesTo(cidr(DIRECT))).isEmpty();
  }

  @Test
  void anEncapsulatedRouteWithoutTheDeviceIsRefusedInOneLineAndNothingIsAdded() {
    assertThatThrownBy(() -> table.add(WRAPPED))
        .isInstanceOf(DataplaneException.class)
        .hasMessageContaining(WRAPPED.toString())
        .hasMessageContaining("device " + VxlanTunnel.DEVICE + " is missing")
        .satisfies(e -> assertThat(e.getMessage()).as("one line for the operator").doesNotContain("\n"));

    assertThat(namespace.routesTo(cidr(WRAPPED))).isEmpty();
    assertThat(table.hostRoutes()).isEmpty();
  }

  @Test
  void aRouteOfAnotherProtocolThroughTheDeviceIsNeitherListedNorReplacedNorRemoved() {
    addTunnelDeviceByHand();
    namespace.ip("route", "add", cidr(WRAPPED), "via", RouteFamily.IPV4.gateway(), "dev", VxlanTunnel.DEVICE, "onlink",
        "proto", "static");

    assertThat(table.hostRoutes()).isEmpty();
    assertThatThrownBy(() -> table.add(WRAPPED)).isInstanceOf(DataplaneException.class)
        .hasMessageContaining(cidr(WRAPPED));
    assertThat(table.remove(WRAPPED)).isFalse();

    JsonNode kernel = namespace.routesTo(cidr(WRAPPED));
    assertThat(kernel).hasSize(1);
    assertThat(kernel.get(0).path("protocol").asText()).isEqualTo("static");
    assertThat(kernel.get(0).path("dev").asText()).isEqualTo(VxlanTunnel.DEVICE);
  }

  // helpers

  /** vxlan.calico as the tunnel adapter would make it, but with {@code ip -n}: this suite tests routes only. */
  private void addTunnelDeviceByHand() {
    new KernelVxlan(namespace).addAsCalico("203.0.113.2", "66:c0:de:00:00:01", 1410);
  }

  private static HostRoute encapsulated(IPAddress destination, String via) {
    return new HostRoute(destination, RouteFamily.address(via), true);
  }

  /** The {@code index}th block, via one gateway or the other, so the listing must keep each route's own. */
  private static HostRoute alternating(RouteFamily family, int index) {
    return family.route(family.block(index), index % 2 == 0 ? family.gateway() : family.otherGateway());
  }

  /** The kernel's one route to the destination is ours: out of rt9a directly, or onlink out of the tunnel device. */
  private void assertKernelRoute(HostRoute route) {
    JsonNode kernel = namespace.routesTo(cidr(route));
    assertThat(kernel).as("main-table routes to %s", cidr(route)).hasSize(1);
    assertThat(kernel.get(0).path("protocol").asText()).isEqualTo(String.valueOf(Dataplane.ROUTE_PROTOCOL));
    assertThat(kernel.get(0).path("gateway").asText()).isEqualTo(route.gateway().toCanonicalString());
    assertThat(kernel.get(0).path("dev").asText())
        .isEqualTo(route.encapsulated() ? VxlanTunnel.DEVICE : RouteNamespace.LINK);
    assertThat(kernel.get(0).path("flags").toString().contains("\"onlink\"")).as("onlink")
        .isEqualTo(route.encapsulated());
    assertThat(kernel.get(0).has("type")).as("a unicast route").isFalse();
  }

  private long ourRouteCount(String family) {
    String protocol = String.valueOf(Dataplane.ROUTE_PROTOCOL);
    JsonNode routes = namespace.routes(family);
    long count = 0;
    for (JsonNode route : routes) {
      if (route.path("protocol").asText().equals(protocol) && route.has("gateway")) {
        count++;
      }
    }
    return count;
  }

  /** The destination as {@code ip} takes it; {@code ip -j} prints a /32 or /128 without its length. */
  private static String cidr(HostRoute route) {
    return route.destination().toCanonicalString();
  }
}
