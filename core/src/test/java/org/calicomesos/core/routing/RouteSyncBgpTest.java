package org.calicomesos.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.RecordingBgpSpeaker;
import org.calicomesos.adapters.memory.RecordingRouteTable;
import org.calicomesos.adapters.memory.RecordingVxlanTunnel;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.node.HostRegistrar;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpPeer;
import org.junit.jupiter.api.Test;

/**
 * BGP mode on host {@code agent-1}: what the route loop hands a recording BGP speaker, and when, from records the
 * real IPAM, isolate and registration services of two hosts wrote on one store.
 */
class RouteSyncBgpTest {
  private static final NodeName HERE = TwoHosts.HERE;
  private static final NodeName THERE = TwoHosts.THERE;

  private final TwoHosts hosts = new TwoHosts();
  private final RecordingRouteTable kernel = new RecordingRouteTable();
  private final RecordingBgpSpeaker bird = new RecordingBgpSpeaker();
  private final RouteSync sync = new RouteSync(hosts.store, TwoHosts.KEYS, HERE, kernel, new RecordingVxlanTunnel(), 1500, bird);

  @Test
  void bgp_mode_announces_own_confirmed_blocks_peers_with_every_other_host_and_programs_no_route_itself() {
    twoRegisteredHostsWithABlockEach();
    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");

    sync.resync();

    assertThat(kernel.hostRoutes()).isEmpty();
    assertThat(bird.handed()).containsExactly(new BgpConfiguration(ip("10.0.0.5").toIPv4(), AsNumber.CALICO_DEFAULT,
        blocksOf(HERE), List.of(BgpPeer.mesh(THERE, ip("10.0.0.6"), AsNumber.CALICO_DEFAULT))));
  }

  @Test
  void direct_mode_hands_bird_nothing() {
    twoRegisteredHostsWithABlockEach();

    sync.resync();
    sync.repair();

    assertThat(bird.handed()).isEmpty();
    assertThat(kernel.hostRoutes()).hasSize(1);
  }

  @Test
  void a_change_that_leaves_the_plan_as_it_is_hands_nothing_a_repair_hands_it_again_and_new_settings_are_handed() {
    twoRegisteredHostsWithABlockEach();
    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");
    sync.resync();

    hosts.isolate(HERE, "b", 1, 0, "prod"); // a second container in the same block: an endpoint, no new block
    sync.absorb(hosts.store.list(TwoHosts.KEYS.hostRoot()).entries().stream().map(WatchEvent::put).toList());
    assertThat(sync.enforcePending()).as("the new endpoint was taken in").isFalse();
    assertThat(bird.handed()).hasSize(1);

    sync.repair();
    assertThat(bird.handed()).hasSize(2).last().isEqualTo(bird.handed().get(0));

    hosts.plant(TwoHosts.KEYS.bgpConfig(), "{\"as_number\":65001,\"node_mesh\":true}");
    sync.absorb(List.of(WatchEvent.put(hosts.store.get(TwoHosts.KEYS.bgpConfig()).orElseThrow())));
    sync.enforcePending();
    assertThat(bird.handed()).hasSize(3);
    assertThat(bird.onFile().orElseThrow().localAs()).isEqualTo(new AsNumber(65001));
    assertThat(bird.onFile().orElseThrow().peers()).extracting(BgpPeer::asNumber).containsExactly(new AsNumber(65001));
  }

  @Test
  void bird_not_running_or_refusing_does_not_stop_the_loop_and_the_next_repair_tries_again() {
    twoRegisteredHostsWithABlockEach();
    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");
    bird.running(false);
    bird.reject(Optional.of("line 8: syntax error"));

    sync.resync();
    sync.repair();
    assertThat(bird.handed()).hasSize(2);
    assertThat(bird.onFile()).isEmpty();

    bird.reject(Optional.empty());
    sync.repair();
    assertThat(bird.onFile()).as("written while BIRD is down, for it to read when it starts").isPresent();
  }

  @Test
  void leaving_bgp_mode_empties_birds_configuration_and_puts_the_direct_routes_back() {
    twoRegisteredHostsWithABlockEach();
    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");
    sync.resync();

    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"direct\"}");
    sync.absorb(List.of(WatchEvent.put(hosts.store.get(TwoHosts.KEYS.routeMode()).orElseThrow())));
    sync.enforcePending();

    BgpConfiguration empty = bird.onFile().orElseThrow();
    assertThat(empty.peers()).isEmpty();
    assertThat(empty.announcedBlocks()).isEmpty();
    assertThat(kernel.hostRoutes()).containsExactly(new HostRoute(blocksOf(THERE).get(0), ip("10.0.0.6")));
    sync.repair();
    assertThat(bird.handed()).as("direct mode hands nothing more").hasSize(2);
  }

  @Test
  void an_unregistered_host_leaves_bird_as_it_is() {
    hosts.isolate(HERE, "a", 1, 0, "prod");
    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");

    sync.resync();
    sync.repair();

    assertThat(bird.handed()).isEmpty();
  }

  private void twoRegisteredHostsWithABlockEach() {
    hosts.isolate(HERE, "a", 1, 0, "prod");
    hosts.isolate(THERE, "c", 1, 0, "prod");
    register(HERE, "10.0.0.5");
    register(THERE, "10.0.0.6");
  }

  private void register(NodeName node, String ipv4) {
    var settings = new EndpointSettings(node, 1500, Optional.of(ip(ipv4)), Optional.empty());
    new HostRegistrar(hosts.store, TwoHosts.KEYS, settings, new MemoryDataplane(), "test",
        Clock.fixed(Instant.now(), ZoneOffset.UTC)).register();
  }

  private List<IPAddress> blocksOf(NodeName node) {
    return new AddressLookup(hosts.store, TwoHosts.KEYS).blocksAffineTo(node);
  }

  private static IPAddress ip(String text) {
    return Addresses.parseAnyAddress("test", text);
  }
}
