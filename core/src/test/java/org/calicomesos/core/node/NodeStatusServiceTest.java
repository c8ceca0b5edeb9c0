package org.calicomesos.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.OptionalInt;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.node.NodeStatus;
import java.time.Clock;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.node.HostRouting;
import org.calicomesos.ports.routing.RouteMode;
import org.junit.jupiter.api.Test;

/** {@code node show} over what the real allocate and isolate services recorded for two hosts. */
class NodeStatusServiceTest {
  private final TwoHosts hosts = new TwoHosts();
  private final NodeStatusService nodes = new NodeStatusService(hosts.store, TwoHosts.KEYS);

  @Test
  void shows_the_host_ip_of_its_profile_its_blocks_and_its_endpoints() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 1, "prod");
    hosts.isolate(TwoHosts.HERE, "c", 1, 0, "dev");
    hosts.isolate(TwoHosts.THERE, "b", 1, 0, "prod");

    NodeStatus here = nodes.show(TwoHosts.HERE);

    assertThat(here.hostIp()).isEqualTo(Readout.of(TwoHosts.hostIp(TwoHosts.HERE)));
    assertThat(here.endpoints()).isEqualTo(2);
    assertThat(here.affineBlocks()).hasSize(2)
        .isEqualTo(new AddressLookup(hosts.store, TwoHosts.KEYS).blocksAffineTo(TwoHosts.HERE));
    assertThat(here.affineBlocks().get(0).isIPv4()).isTrue();
    assertThat(nodes.show(TwoHosts.THERE).endpoints()).isEqualTo(1);
  }

  @Test
  void a_host_nothing_ran_on_has_nothing_recorded() {
    assertThat(nodes.show(new NodeName("fresh"))).isEqualTo(new NodeStatus(new NodeName("fresh"), Readout.absent(),
        List.of(), 0, new HostRouting(Readout.of(RouteMode.DIRECT), List.of(), Readout.absent(), List.of()),
        List.of()));
  }

  @Test
  void shows_the_route_mode_this_hosts_registration_and_the_other_hosts_with_their_block_counts() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");
    hosts.isolate(TwoHosts.THERE, "b", 1, 1, "prod");
    var settings = new EndpointSettings(TwoHosts.HERE, 1500, Optional.of(TwoHosts.hostIp(TwoHosts.HERE)));
    HostRegistration registered = new HostRegistrar(hosts.store, TwoHosts.KEYS, settings, new MemoryDataplane(), "v1",
        Clock.systemUTC()).register();
    hosts.plant(TwoHosts.KEYS.routeMode(), "{\"mode\":\"bgp\"}");

    HostRouting routing = nodes.show(TwoHosts.HERE).routing();

    assertThat(routing.routeMode()).isEqualTo(Readout.of(RouteMode.BGP));
    assertThat(routing.registration()).isEqualTo(Readout.of(registered));
    assertThat(routing.otherHosts()).containsExactly(new HostRouting.OtherHost(TwoHosts.THERE, Readout.absent(), 2));
  }

  @Test
  void names_the_pools_with_nat_outgoing() {
    PoolService pools = new PoolService(hosts.store, TwoHosts.KEYS, TwoHosts.IPAM);
    pools.add(new AddPoolCommand(cidr("10.64.0.0/16"), OptionalInt.empty(), false, Encapsulation.NONE, true));
    pools.add(new AddPoolCommand(cidr("10.32.0.0/16"), OptionalInt.empty(), false, Encapsulation.NONE, false));
    pools.add(new AddPoolCommand(cidr("fd00::/64"), OptionalInt.empty(), false, Encapsulation.NONE, true));

    assertThat(nodes.show(TwoHosts.HERE).natOutgoingPools()).containsExactly(cidr("10.64.0.0/16"), cidr("fd00::/64"));
  }

  @Test
  void an_unreadable_host_profile_is_reported() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");
    hosts.plant(TwoHosts.KEYS.profileRules(ProfileName.hostDefault(TwoHosts.HERE)), "not json");

    assertThat(nodes.show(TwoHosts.HERE).hostIp().problem().orElseThrow())
        .startsWith("profile default_agent-1: not valid JSON");
  }

  private static IPAddress cidr(String text) {
    return Addresses.parseCidr("test", text);
  }
}
