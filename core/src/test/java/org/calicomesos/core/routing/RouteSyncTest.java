package org.calicomesos.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.RecordingBgpSpeaker;
import org.calicomesos.adapters.memory.RecordingRouteTable;
import org.calicomesos.adapters.memory.RecordingVxlanTunnel;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.ipam.BlockReleaseService;
import org.calicomesos.core.node.HostRegistrar;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Direct-mode routes on host {@code agent-1}, compiled from records the real IPAM, isolate, cleanup and registration
 * services of two hosts (and a third) wrote on one store, kept in a recording route table.
 */
class RouteSyncTest {
  private static final NodeName HERE = TwoHosts.HERE;
  private static final NodeName THERE = TwoHosts.THERE;
  private static final NodeName THIRD = new NodeName("agent-3");
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private final TwoHosts hosts = new TwoHosts();
  private final RecordingRouteTable kernel = new RecordingRouteTable();
  private final RecordingVxlanTunnel tunnel = new RecordingVxlanTunnel();
  private final RouteSync sync = new RouteSync(hosts.store, TwoHosts.KEYS, HERE, kernel, tunnel, 1500,
      new RecordingBgpSpeaker());
  private final List<Watch> watches = new ArrayList<>();

  @AfterEach
  void closeWatches() {
    watches.forEach(Watch::close);
  }

  @Test
  void routes_other_hosts_confirmed_blocks_via_their_registered_addresses_and_none_of_its_own() {
    hosts.isolate(HERE, "a", 1, 1, "prod");
    hosts.isolate(THERE, "b", 1, 1, "prod");
    register(HERE, "10.0.0.5", "fd00::5");
    register(THERE, "10.0.0.6", "fd00::6");

    sync.resync();

    List<IPAddress> thereBlocks = blocksOf(THERE);
    assertThat(thereBlocks).hasSize(2);
    assertThat(kernel.hostRoutes()).containsExactlyInAnyOrder(
        route(thereBlocks.get(0), "10.0.0.6"), route(thereBlocks.get(1), "fd00::6"));
  }

  @Test
  void a_host_is_routed_to_once_it_registers_and_only_in_the_families_it_has_an_address_of() {
    hosts.isolate(THERE, "b", 1, 1, "prod");
    long revision = sync.resync();
    assertThat(kernel.hostRoutes()).as("no registration, no routes").isEmpty();
    RecordingWatchListener events = watch(revision);

    register(THERE, "10.0.0.6", null);
    sync.absorb(events.awaitEvent(e -> e.key().endsWith("/registration"), "registration seen", PATIENCE));

    assertThat(sync.enforcePending()).isTrue();
    assertThat(kernel.hostRoutes()).containsExactly(route(blocksOf(THERE).get(0), "10.0.0.6"));
  }

  @Test
  void a_pending_claim_is_not_routed_and_a_heartbeat_alone_recomputes_nothing() {
    register(THERE, "10.0.0.6", null);
    hosts.plant(TwoHosts.KEYS.affinity(THERE, cidr("198.18.0.192/26")), "{\"state\":\"pending\",\"deleted\":false}");
    long revision = sync.resync();
    assertThat(kernel.hostRoutes()).isEmpty();
    RecordingWatchListener events = watch(revision);

    register(THERE, "10.0.0.6", null); // the same addresses, a newer heartbeat
    sync.absorb(events.awaitEvent(e -> e.key().endsWith("/registration"), "heartbeat seen", PATIENCE));

    assertThat(sync.enforcePending()).isFalse();
  }

  @Test
  void a_container_isolated_or_cleaned_up_on_this_host_sets_no_convergence_off() {
    hosts.isolate(HERE, "a", 1, 0, "prod"); // claims this host's block
    register(HERE, "10.0.0.5", null);
    long revision = sync.resync();
    RecordingWatchListener events = watch(revision);

    int listings = kernel.listings();

    hosts.isolate(HERE, "b", 1, 0, "prod"); // same block: only its endpoint record is new
    sync.absorb(events.awaitEvent(e -> e.key().contains("/workload/"), "endpoint written", PATIENCE));
    hosts.cleanup(HERE, "b");
    sync.absorb(events.awaitEvent(e -> e.key().contains("/workload/") && e.type() == WatchEvent.Type.DELETE,
        "endpoint deleted", PATIENCE));

    assertThat(sync.enforcePending()).isFalse();
    assertThat(kernel.listings()).as("the kernel was not read again").isEqualTo(listings);
  }

  @Test
  void a_borrowed_address_gets_a_host_route_to_the_host_it_is_on() {
    hosts.isolate(HERE, "a", 2, 0, "prod");
    IPAddress hereBlock = blocksOf(HERE).get(0);
    IPAddress borrowed = hereBlock.getLower().withoutPrefixLength().increment(10);
    hosts.isolateReserved(THIRD, "c", List.of(borrowed), "prod"); // THIRD holds an address of our block
    register(THIRD, "10.0.0.7", null);

    sync.resync();

    assertThat(blocksOf(THIRD)).isEmpty();
    assertThat(kernel.hostRoutes()).containsExactly(route(borrowed.toPrefixBlock(32), "10.0.0.7"));
  }

  @Test
  void converging_repairs_deleted_routes_removes_unwanted_ones_and_changes_nothing_when_in_step() {
    hosts.isolate(THERE, "b", 1, 0, "prod");
    register(THERE, "10.0.0.6", null);
    HostRoute stale = route(cidr("198.18.0.128/26"), "10.0.0.9");
    kernel.add(stale); // ours, left by an earlier run, wanted no more
    sync.resync();
    HostRoute wanted = route(blocksOf(THERE).get(0), "10.0.0.6");
    assertThat(kernel.hostRoutes()).containsExactly(wanted);
    int changes = kernel.changes();

    sync.repair();
    assertThat(kernel.changes()).as("in step: nothing to do").isEqualTo(changes);

    kernel.deleteBehindTheBack(wanted);
    sync.repair();
    assertThat(kernel.hostRoutes()).containsExactly(wanted);
  }

  @Test
  void a_route_the_kernel_refuses_does_not_stop_the_others() {
    hosts.isolate(THERE, "b", 1, 1, "prod");
    register(THERE, "10.0.0.6", "fd00::6");
    List<IPAddress> thereBlocks = blocksOf(THERE);
    kernel.refuse(route(thereBlocks.get(0), "10.0.0.6"));

    sync.resync();

    assertThat(kernel.hostRoutes()).containsExactly(route(thereBlocks.get(1), "fd00::6"));
  }

  @Test
  void a_released_block_is_withdrawn_and_bgp_mode_withdraws_every_direct_route() {
    hosts.isolate(THERE, "b", 1, 0, "prod");
    hosts.isolate(THERE, "d", 1, 0, "dev");
    register(THERE, "10.0.0.6", null);
    long revision = sync.resync();
    RecordingWatchListener events = watch(revision);
    IPAddress block = blocksOf(THERE).get(0);
    assertThat(kernel.hostRoutes()).containsExactly(route(block, "10.0.0.6"));

    hosts.cleanup(THERE, "b");
    hosts.cleanup(THERE, "d");
    new BlockReleaseService(hosts.store, TwoHosts.KEYS).releaseBlock(block);
    // Endpoints and claims arrive on separate watches, in no set order between them: await all three deletes, or a
    // model holding b without its block's claim would rightly route b's address as a borrowed one.
    events.awaitEvent(e -> e.key().startsWith(TwoHosts.KEYS.endpointPrefix(THERE, new ContainerId("b")))
        && e.type() == WatchEvent.Type.DELETE, "b's endpoint removed", PATIENCE);
    events.awaitEvent(e -> e.key().startsWith(TwoHosts.KEYS.endpointPrefix(THERE, new ContainerId("d")))
        && e.type() == WatchEvent.Type.DELETE, "d's endpoint removed", PATIENCE);
    sync.absorb(events.awaitEvent(e -> e.key().equals(TwoHosts.KEYS.affinity(THERE, block))
        && e.type() == WatchEvent.Type.DELETE, "claim removed", PATIENCE));
    sync.enforcePending();
    assertThat(kernel.hostRoutes()).isEmpty();

    hosts.isolate(THERE, "e", 1, 0, "prod");
    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");
    sync.resync();
    assertThat(sync.mode()).isEqualTo(RouteMode.BGP);
    assertThat(kernel.hostRoutes()).isEmpty();
  }

  private void register(NodeName node, String ipv4, String ipv6) {
    var settings = new EndpointSettings(node, 1500, Optional.of(Addresses.parseAnyAddress("v4", ipv4)),
        Optional.ofNullable(ipv6).map(text -> Addresses.parseAnyAddress("v6", text)));
    Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    new HostRegistrar(hosts.store, TwoHosts.KEYS, settings, new MemoryDataplane(), "test", clock).register();
  }

  private List<IPAddress> blocksOf(NodeName node) {
    return new AddressLookup(hosts.store, TwoHosts.KEYS).blocksAffineTo(node);
  }

  private RecordingWatchListener watch(long revision) {
    RecordingWatchListener listener = new RecordingWatchListener();
    sync.watchedPrefixes().forEach(prefix -> watches.add(hosts.store.watch(prefix, revision, listener)));
    return listener;
  }

  private static HostRoute route(IPAddress destination, String via) {
    return new HostRoute(destination, Addresses.parseAnyAddress("via", via));
  }

  private static IPAddress cidr(String text) {
    return Addresses.parseCidr("test", text);
  }
}
