package org.calicomesos.app.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.MACAddressString;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.adapters.iproute2.Iproute2DataplaneModule;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.testkit.dataplane.KernelState;
import org.calicomesos.testkit.routing.KernelVxlan;
import org.calicomesos.testkit.routing.RouteNamespace;
import org.junit.jupiter.api.Test;

/**
 * Both route tables (and both VXLAN tunnels) must leave the same kernel state for the same calls, and refuse the
 * same calls with the same sentence (up to the kernel's own words in parentheses, which {@code ip} phrases
 * differently). Each adapter works in a throw-away namespace of its own; the host's routes are never touched.
 */
class RouteTableParityTest {
  private static final List<HostRoute> ROUTES = List.of(route("10.65.0.0/26", "203.0.113.9"),
      route("10.65.0.64/26", "203.0.113.10"), route("10.66.0.7/32", "203.0.113.9"),
      route("fd00:9::40/122", "2001:db8:9::9"), route("fd00:9:1::7/128", "2001:db8:9::a"));
  private static final HostRoute MOVED = route("10.65.0.0/26", "203.0.113.10");
  private static final HostRoute UNREACHABLE = route("10.65.1.0/26", "198.51.100.1");
  private static final HostRoute OVER_STATIC = route("10.65.2.0/26", "203.0.113.9");

  private static final VxlanDevice DEVICE = device("66:c0:de:00:00:01", 1410);
  /** The same device with another MAC and MTU: changed in place, the peers' neighbour entries written back. */
  private static final VxlanDevice CHANGED = device("66:c0:de:00:00:02", 1400);
  private static final List<VxlanPeer> PEERS = List.of(peer("198.51.100.21", "66:c0:de:00:01:21"),
      peer("198.51.100.22", "66:c0:de:00:01:22"), peer("198.51.100.23", "66:c0:de:00:01:23"));
  /** The second peer after its host rebuilt its device. */
  private static final VxlanPeer REBUILT = peer("198.51.100.22", "66:c0:de:00:01:99");
  private static final List<HostRoute> ENCAPSULATED = List.of(encapsulated("10.67.0.0/26", "198.51.100.21"),
      encapsulated("10.67.0.64/26", "198.51.100.22"), encapsulated("10.67.0.128/26", "198.51.100.23"));
  /** Routed directly first, then through the tunnel: the encapsulated route replaces it. */
  private static final HostRoute DIRECT_FIRST = route("10.67.0.0/26", "203.0.113.9");

  @Test
  void netlink_and_iproute2_leave_the_same_routes_and_refuse_alike() {
    Outcome byNetlink = applyAndRead(NetlinkDataplaneModule.netlinkRouteTable());
    Outcome byIproute2 = applyAndRead(Iproute2DataplaneModule.iproute2RouteTable());

    assertThat(byNetlink.routes()).filteredOn(r -> r.contains("\"protocol\":\"196\"")).hasSize(ROUTES.size());
    assertThat(byNetlink.refusals()).hasSize(2)
        .allSatisfy(refusal -> assertThat(refusal).startsWith("DataplaneException: cannot add route"));
    assertThat(byIproute2).isEqualTo(byNetlink);
  }

  @Test
  void netlink_and_iproute2_leave_the_same_vxlan_tunnel_and_encapsulated_routes_and_refuse_alike() {
    TunnelOutcome byNetlink = tunnelAndRead(NetlinkDataplaneModule.netlinkVxlanTunnel(),
        NetlinkDataplaneModule.netlinkRouteTable());
    TunnelOutcome byIproute2 = tunnelAndRead(Iproute2DataplaneModule.iproute2VxlanTunnel(),
        Iproute2DataplaneModule.iproute2RouteTable());

    assertThat(byNetlink.link()).contains("\"info_kind\":\"vxlan\"").contains("\"66:c0:de:00:00:02\"");
    assertThat(byNetlink.neighbours()).hasSize(2);
    assertThat(byNetlink.forwarding()).hasSize(2);
    assertThat(byNetlink.routes()).hasSize(2).allSatisfy(r -> assertThat(r).contains("\"onlink\""));
    assertThat(byNetlink.refusals()).hasSize(2).allSatisfy(refusal -> assertThat(refusal).contains("is missing"));
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
        refusals.add(refusal(() -> table.add(UNREACHABLE)));
        refusals.add(refusal(() -> table.add(OVER_STATIC)));
      });
      List<String> routes = new ArrayList<>();
      for (String family : List.of("-4", "-6")) {
        routes.addAll(sorted(namespace.routes(family)));
      }
      routes.sort(null);
      return new Outcome(routes, refusals);
    }
  }

  private static TunnelOutcome tunnelAndRead(VxlanTunnel tunnel, RouteTable table) {
    try (RouteNamespace namespace = RouteNamespace.create()) {
      List<String> refusals = new ArrayList<>();
      namespace.inside().run(() -> {
        refusals.add(refusal(() -> tunnel.addPeer(PEERS.get(0))));
        refusals.add(refusal(() -> table.add(ENCAPSULATED.get(0))));
        tunnel.ensure(DEVICE);
        PEERS.forEach(tunnel::addPeer);
        table.add(DIRECT_FIRST);
        ENCAPSULATED.forEach(table::add);
        tunnel.addPeer(REBUILT);
        tunnel.ensure(CHANGED);
        tunnel.removePeer(PEERS.get(2));
        table.remove(ENCAPSULATED.get(2));
      });
      KernelVxlan kernel = new KernelVxlan(namespace);
      return new TunnelOutcome(KernelState.normalisedHostLink(kernel.link()), sorted(kernel.neighbours()),
          sorted(kernel.forwardingEntries()), sorted(kernel.routes()), refusals);
    }
  }

  /** What refusing {@code call} said, without the kernel's own words; "accepted" if it did not refuse. */
  private static String refusal(Runnable call) {
    try {
      call.run();
      return "accepted";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll(" \\(.*\\)$", "");
    }
  }

  private static List<String> sorted(JsonNode entries) {
    List<String> texts = new ArrayList<>();
    entries.forEach(entry -> texts.add(entry.toString()));
    texts.sort(null);
    return texts;
  }

  private static HostRoute route(String destination, String gateway) {
    return new HostRoute(new IPAddressString(destination).getAddress(), new IPAddressString(gateway).getAddress());
  }

  private static HostRoute encapsulated(String destination, String gateway) {
    return new HostRoute(new IPAddressString(destination).getAddress(), new IPAddressString(gateway).getAddress(),
        true);
  }

  private static VxlanDevice device(String mac, int mtu) {
    return new VxlanDevice(new IPAddressString("203.0.113.2").getAddress(), new MACAddressString(mac).getAddress(),
        mtu);
  }

  private static VxlanPeer peer(String address, String mac) {
    return new VxlanPeer(new IPAddressString(address).getAddress(), new MACAddressString(mac).getAddress());
  }

  private record Outcome(List<String> routes, List<String> refusals) {}

  /** The device ({@code ip -d link}, without its index), its entries and the routes through it, each sorted. */
  private record TunnelOutcome(String link, List<String> neighbours, List<String> forwarding, List<String> routes,
      List<String> refusals) {}
}
