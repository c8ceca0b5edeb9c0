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
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.core.node.HostRegistrar;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.junit.jupiter.api.Test;

/**
 * Encapsulated routing on host {@code agent-1}: once the (IPv4) pool is VXLAN, other hosts' blocks in it are routed
 * through this host's VXLAN device, with a peer entry per host, and IPv6 stays direct; making the pool plain again
 * takes the device and peers away.
 */
class RouteSyncVxlanTest {
  private static final NodeName HERE = TwoHosts.HERE;
  private static final NodeName THERE = TwoHosts.THERE;
  private static final NodeName THIRD = new NodeName("agent-3");
  private static final IPAddress IPV4_POOL = TwoHosts.IPAM.defaultIpv4Pool();

  private final TwoHosts hosts = new TwoHosts();
  private final PoolService pools = new PoolService(hosts.store, TwoHosts.KEYS, TwoHosts.IPAM);
  private final RecordingRouteTable kernel = new RecordingRouteTable();
  private final RecordingVxlanTunnel tunnel = new RecordingVxlanTunnel();
  private final RouteSync sync = new RouteSync(hosts.store, TwoHosts.KEYS, HERE, kernel, tunnel, 1500,
      new RecordingBgpSpeaker());

  @Test
  void a_vxlan_pools_blocks_on_other_hosts_are_routed_through_the_device_and_ipv6_stays_direct() {
    hosts.isolate(HERE, "a", 1, 0, "prod");
    hosts.isolate(THERE, "b", 1, 1, "prod");
    register(HERE, "10.0.0.5", "fd00::5");
    register(THERE, "192.0.2.6", "fd00::6");
    pools.setEncapsulation(IPV4_POOL, Encapsulation.VXLAN);

    sync.resync();

    List<IPAddress> thereBlocks = blocksOf(THERE);
    assertThat(tunnel.device()).contains(new VxlanDevice(ip("10.0.0.5"), VtepMac.of(HERE), 1450));
    assertThat(tunnel.peers()).containsExactly(new VxlanPeer(ip("192.0.2.6"), VtepMac.of(THERE)));
    assertThat(kernel.hostRoutes()).containsExactlyInAnyOrder(
        new HostRoute(thereBlocks.get(0), ip("192.0.2.6"), true),
        new HostRoute(thereBlocks.get(1), ip("fd00::6"), false));
  }

  @Test
  void this_host_keeps_its_device_while_a_pool_is_vxlan_even_with_no_route_through_it() {
    hosts.isolate(HERE, "a", 1, 0, "prod");
    register(HERE, "10.0.0.5", null);
    pools.setEncapsulation(IPV4_POOL, Encapsulation.VXLAN);

    sync.resync();

    assertThat(kernel.hostRoutes()).isEmpty();
    assertThat(tunnel.peers()).isEmpty();
    assertThat(tunnel.device()).as("other hosts' wrapped packets must be taken in").isPresent();
  }

  @Test
  void one_peer_per_host_however_many_of_its_blocks_are_routed_and_none_for_a_host_without_any() {
    hosts.isolate(THERE, "b", 70, 0, "prod"); // more than one /26 block
    register(HERE, "10.0.0.5", null);
    register(THERE, "192.0.2.6", null);
    register(THIRD, "192.0.2.7", null);
    pools.setEncapsulation(IPV4_POOL, Encapsulation.VXLAN);

    sync.resync();

    assertThat(blocksOf(THERE)).hasSize(2);
    assertThat(kernel.hostRoutes()).hasSize(2).allMatch(HostRoute::encapsulated);
    assertThat(tunnel.peers()).containsExactly(new VxlanPeer(ip("192.0.2.6"), VtepMac.of(THERE)));
  }

  @Test
  void making_the_pool_plain_again_routes_directly_and_removes_the_peers_and_the_device() {
    hosts.isolate(THERE, "b", 1, 0, "prod");
    register(HERE, "10.0.0.5", null);
    register(THERE, "10.0.0.6", null);
    pools.setEncapsulation(IPV4_POOL, Encapsulation.VXLAN);
    sync.resync();
    IPAddress block = blocksOf(THERE).get(0);
    assertThat(kernel.hostRoutes()).containsExactly(new HostRoute(block, ip("10.0.0.6"), true));

    pools.setEncapsulation(IPV4_POOL, Encapsulation.NONE);
    sync.resync();

    assertThat(kernel.hostRoutes()).containsExactly(new HostRoute(block, ip("10.0.0.6"), false));
    assertThat(tunnel.peers()).isEmpty();
    assertThat(tunnel.device()).isEmpty();
    assertThat(tunnel.calls()).last().isEqualTo("remove");
  }

  @Test
  void repair_puts_back_a_device_and_peers_someone_removed_and_changes_nothing_when_in_step() {
    hosts.isolate(THERE, "b", 1, 0, "prod");
    register(HERE, "10.0.0.5", null);
    register(THERE, "10.0.0.6", null);
    pools.setEncapsulation(IPV4_POOL, Encapsulation.VXLAN);
    sync.resync();
    int calls = tunnel.calls().size();

    sync.repair();
    assertThat(tunnel.calls()).as("in step: nothing to do").hasSize(calls);

    tunnel.remove(); // as 'ip link del vxlan.calico' would: the peers go with it
    sync.repair();
    assertThat(tunnel.device()).isPresent();
    assertThat(tunnel.peers()).containsExactly(new VxlanPeer(ip("10.0.0.6"), VtepMac.of(THERE)));
  }

  @Test
  void bgp_mode_has_no_device_and_no_peers() {
    hosts.isolate(THERE, "b", 1, 0, "prod");
    register(HERE, "10.0.0.5", null);
    register(THERE, "10.0.0.6", null);
    pools.setEncapsulation(IPV4_POOL, Encapsulation.VXLAN);
    sync.resync();
    assertThat(tunnel.device()).isPresent();

    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");
    sync.resync();

    assertThat(kernel.hostRoutes()).isEmpty();
    assertThat(tunnel.device()).isEmpty();
  }

  @Test
  void each_hosts_device_address_is_unicast_locally_administered_and_its_own() {
    assertThat((Object) VtepMac.of(HERE)).isEqualTo(VtepMac.of(new NodeName("agent-1")));
    assertThat((Object) VtepMac.of(HERE)).isNotEqualTo(VtepMac.of(THERE));
    for (NodeName node : List.of(HERE, THERE, THIRD)) {
      byte first = VtepMac.of(node).getBytes()[0];
      assertThat(first & 0x01).as("unicast").isZero();
      assertThat(first & 0x02).as("locally administered").isEqualTo(2);
    }
  }

  private void register(NodeName node, String ipv4, String ipv6) {
    var settings = new EndpointSettings(node, 1500, Optional.of(ip(ipv4)), Optional.ofNullable(ipv6).map(this::ip));
    new HostRegistrar(hosts.store, TwoHosts.KEYS, settings, new MemoryDataplane(), "test",
        Clock.fixed(Instant.now(), ZoneOffset.UTC)).register();
  }

  private List<IPAddress> blocksOf(NodeName node) {
    return new AddressLookup(hosts.store, TwoHosts.KEYS).blocksAffineTo(node);
  }

  private IPAddress ip(String text) {
    return Addresses.parseAnyAddress("test", text);
  }
}
