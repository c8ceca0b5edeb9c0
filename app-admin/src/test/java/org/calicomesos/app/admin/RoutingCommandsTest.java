package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code route-mode} and {@code bgp} over the real core service and a memory store, as an operator drives them. */
class RoutingCommandsTest {
  private final CoreOverMemory core = new CoreOverMemory();

  @Test
  void route_mode_shows_direct_until_set_then_sets_by_compare_and_swap_and_says_what_it_was() {
    assertThat(core.run("route-mode").out()).isEqualTo("route mode direct\n");

    AdminRun set = core.run("route-mode", "bgp");
    AdminRun again = core.run("route-mode", "bgp", "-o", "json");

    assertThat(set.status()).as(set.err()).isZero();
    assertThat(set.out()).isEqualTo("route mode bgp (was direct)\n");
    assertThat(again.out()).contains("\"route_mode\" : \"bgp\"", "\"previous_route_mode\" : \"bgp\"");
    assertThat(core.store.get(core.keys.routeMode()).orElseThrow().value()).isEqualTo("{\"mode\":\"bgp\"}");
  }

  @Test
  void a_mode_that_is_not_one_is_a_usage_error_and_writes_nothing() {
    AdminRun wrong = core.run("route-mode", "ipip");

    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.err()).startsWith("error: route mode 'ipip' is not one of direct, vxlan, bgp\n");
    assertThat(core.store.get(core.keys.routeMode())).isEmpty();
  }

  @Test
  void route_mode_vxlan_makes_every_ipv4_pool_vxlan_and_direct_makes_them_plain_again() {
    core.allocate("uid-1", 1); // creates the default pools
    core.run("pool", "add", "10.77.0.0/16");

    AdminRun set = core.run("route-mode", "vxlan");

    assertThat(set.status()).as(set.err()).isZero();
    assertThat(set.out()).isEqualTo("route mode vxlan (was direct)\n");
    List<String> rows = core.run("pool", "list").out().lines().toList();
    assertThat(rows).filteredOn(row -> row.contains("IPv4")).hasSize(2).allMatch(row -> row.contains(" vxlan "));
    assertThat(rows).filteredOn(row -> row.contains("IPv6")).hasSize(1).allMatch(row -> row.contains(" none "));
    assertThat(core.run("route-mode", "-o", "json").out())
        .contains("\"route_mode\" : \"vxlan\"", "\"10.77.0.0/16\"", "\"192.168.0.0/16\"");
    assertThat(core.run("node", "show").out()).contains("VXLAN pools:    10.77.0.0/16, 192.168.0.0/16");

    core.run("pool", "encapsulation", "10.77.0.0/16", "none");
    assertThat(core.run("route-mode").out()).isEqualTo(
        "route mode direct\nVXLAN pools: 192.168.0.0/16; routed without encapsulation: 10.77.0.0/16\n");

    assertThat(core.run("route-mode", "direct").out()).isEqualTo("route mode direct (was direct)\n");
    assertThat(core.run("pool", "list", "-o", "json").out()).doesNotContain("\"encapsulation\" : \"vxlan\"");
    assertThat(core.store.get(core.keys.routeMode()).orElseThrow().value()).isEqualTo("{\"mode\":\"direct\"}");
  }

  @Test
  void bgp_settings_start_at_the_defaults_and_each_command_changes_one_thing() {
    assertThat(core.run("bgp", "show").out()).isEqualTo("""
        AS number:       64511
        node mesh:       on
        explicit peers:  none
        """);

    core.run("bgp", "as", "65001");
    core.run("bgp", "mesh", "off");
    core.run("bgp", "peer", "add", "192.0.2.1", "65000");
    AdminRun added = core.run("bgp", "peer", "add", "2001:db8::1", "65002");

    assertThat(added.status()).as(added.err()).isZero();
    assertThat(added.out()).isEqualTo("""
        AS number:       65001
        node mesh:       off
        explicit peers:  2

        PEER            AS
        192.0.2.1    65000
        2001:db8::1  65002
        """);
    core.run("bgp", "peer", "remove", "192.0.2.1");
    assertThat(core.store.get(core.keys.bgpConfig()).orElseThrow().value()).isEqualTo(
        "{\"as_number\":65001,\"node_mesh\":false,\"peers\":[{\"ip\":\"2001:db8::1\",\"as_number\":65002}]}");
  }

  @Test
  void wrong_bgp_arguments_are_usage_errors_and_an_unknown_peer_is_refused() {
    AdminRun as = core.run("bgp", "as", "0");
    AdminRun mesh = core.run("bgp", "mesh", "maybe");
    AdminRun ip = core.run("bgp", "peer", "add", "not-an-ip", "65000");
    AdminRun unknown = core.run("bgp", "peer", "remove", "192.0.2.9");

    assertThat(as.status()).isEqualTo(2);
    assertThat(as.err()).startsWith("error: AS number '0' must be a whole number from 1 to 4294967295\n");
    assertThat(mesh.status()).isEqualTo(2);
    assertThat(mesh.err()).startsWith("error: mesh 'maybe' is not one of on, off\n");
    assertThat(ip.status()).isEqualTo(2);
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo(
        "error: no explicit BGP peer has the address 192.0.2.9 ('calico-mesos bgp show' lists them)\n");
    assertThat(core.store.get(core.keys.bgpConfig())).isEmpty();
  }

  @Test
  void node_show_in_bgp_mode_lists_birds_sessions_or_says_bird_is_not_running() {
    core.run("route-mode", "bgp");
    core.bird.running(false);

    AdminRun shown = core.run("node", "show");

    assertThat(shown.status()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("route mode:     bgp").endsWith("\nBGP peers: BIRD not running\n");
    core.bird.running(true);
    assertThat(core.run("node", "show").out()).endsWith("\nBGP peers: none configured\n");
    assertThat(core.run("route-mode", "direct").out()).isEqualTo("route mode direct (was bgp)\n");
    assertThat(core.run("node", "show").out()).doesNotContain("BGP peers");
  }
}
