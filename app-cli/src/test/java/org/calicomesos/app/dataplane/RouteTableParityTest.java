package org.calicomesos.app.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.adapters.iproute2.Iproute2DataplaneModule;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.testkit.routing.RouteNamespace;
import org.junit.jupiter.api.Test;

/**
 * Both route tables must leave the same routes for the same calls, and refuse the same calls with the same
 * sentence (up to the kernel's own words in parentheses, which {@code ip} phrases differently). Each adapter
 * works in a throw-away namespace of its own; the host's routes are never touched.
 */
class RouteTableParityTest {
  private static final List<HostRoute> ROUTES = List.of(route("10.65.0.0/26", "203.0.113.9"),
      route("10.65.0.64/26", "203.0.113.10"), route("10.66.0.7/32", "203.0.113.9"),
      route("fd00:9::40/122", "2001:db8:9::9"), route("fd00:9:1::7/128", "2001:db8:9::a"));
  private static final HostRoute MOVED = route("10.65.0.0/26", "203.0.113.10");
  private static final HostRoute UNREACHABLE = route("10.65.1.0/26", "198.51.100.1");
  private static final HostRoute OVER_STATIC = route("10.65.2.0/26", "203.0.113.9");

  @Test
  void netlink_and_iproute2_leave_the_same_routes_and_refuse_alike() {
    Outcome byNetlink = applyAndRead(NetlinkDataplaneModule.netlinkRouteTable());
    Outcome byIproute2 = applyAndRead(Iproute2DataplaneModule.iproute2RouteTable());

    assertThat(byNetlink.routes()).filteredOn(r -> r.contains("\"protocol\":\"196\"")).hasSize(ROUTES.size());
    assertThat(byNetlink.refusals()).hasSize(2)
        .allSatisfy(refusal -> assertThat(refusal).startsWith("DataplaneException: cannot add route"));
    assertThat(byIproute2).isEqualTo(byNetlink);
  }

  private static Outcome applyAndRead(RouteTable table) {
    try (RouteNamespace namespace = RouteNamespace.create()) {
      namespace.ip("route", "add", OVER_STATIC.destination().toCanonicalString(), "via", "203.0.113.9", "proto",
          "static");
      List<String> refusals = new ArrayList<>();
      namespace.inside().run(() -> {
        ROUTES.forEach(table::add);
        table.add(MOVED);
        for (HostRoute refused : List.of(UNREACHABLE, OVER_STATIC)) {
          try {
            table.add(refused);
            refusals.add("accepted " + refused);
          } catch (RuntimeException e) {
            refusals.add(e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll(" \\(.*\\)$", ""));
          }
        }
      });
      List<String> routes = new ArrayList<>();
      for (String family : List.of("-4", "-6")) {
        namespace.routes(family).forEach(route -> routes.add(route.toString()));
      }
      routes.sort(null);
      return new Outcome(routes, refusals);
    }
  }

  private static HostRoute route(String destination, String gateway) {
    return new HostRoute(new IPAddressString(destination).getAddress(), new IPAddressString(gateway).getAddress());
  }

  private record Outcome(List<String> routes, List<String> refusals) {}
}
