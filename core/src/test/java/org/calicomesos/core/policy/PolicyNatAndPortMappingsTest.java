package org.calicomesos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointCodec;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.Test;

/**
 * What the agent compiles from pools (NAT outgoing) and from its endpoints' port mappings, with pools written by the
 * real pool service and endpoints by the real isolate service, then edited by hand where only a hand could.
 */
class PolicyNatAndPortMappingsTest {
  private static final DatastoreKeys KEYS = TwoHosts.KEYS;
  private static final NodeName HERE = TwoHosts.HERE;
  private static final NodeName THERE = TwoHosts.THERE;
  private static final IPAddress MASQUERADED = net("10.64.0.0/16");
  private static final IPAddress PLAIN = net("10.32.0.0/16");
  private static final IPAddress IPV6 = net("fd80:24e2:f998:72d6::/64");

  private final TwoHosts hosts = new TwoHosts();
  private final KeyValueStore store = hosts.store;
  private final RecordingPolicyDataplane kernel = new RecordingPolicyDataplane();
  private final PolicySync sync = new PolicySync(store, KEYS,
      new EndpointSettings(HERE, 1500, Optional.of(TwoHosts.hostIp(HERE))), kernel);
  private final PoolService pools = new PoolService(store, KEYS, TwoHosts.IPAM);

  @Test
  void host_nat_names_every_pool_sorted_and_those_with_nat_outgoing() {
    addPool(MASQUERADED, true);
    addPool(IPV6, false);
    addPool(PLAIN, false);

    sync.resync();

    assertThat(kernel.inForce().orElseThrow().nat()).isEqualTo(new HostNat(List.of(PLAIN, MASQUERADED, IPV6),
        List.of(MASQUERADED)));
  }

  @Test
  void a_nat_flip_and_a_pool_removal_wake_the_loop_and_reach_the_kernel() {
    addPool(MASQUERADED, false);
    addPool(PLAIN, false);
    sync.resync();
    assertThat(sync.watchedPrefixes()).anyMatch(prefix -> KEYS.pool(MASQUERADED).startsWith(prefix));
    assertThat(kernel.inForce().orElseThrow().nat()).isEqualTo(new HostNat(List.of(PLAIN, MASQUERADED), List.of()));

    pools.setNatOutgoing(MASQUERADED, true);
    absorbWrite(KEYS.pool(MASQUERADED));

    assertThat(sync.enforcePending()).isTrue();
    assertThat(kernel.inForce().orElseThrow().nat()).isEqualTo(new HostNat(List.of(PLAIN, MASQUERADED),
        List.of(MASQUERADED)));

    pools.remove(MASQUERADED);
    sync.absorb(List.of(WatchEvent.delete(KEYS.pool(MASQUERADED), store.list(KEYS.v1Root()).revision())));

    assertThat(sync.enforcePending()).isTrue();
    assertThat(kernel.inForce().orElseThrow().nat()).isEqualTo(new HostNat(List.of(PLAIN), List.of()));
  }

  @Test
  void a_disabled_pool_still_counts_and_an_unreadable_one_is_ignored() {
    hosts.plant(KEYS.pool(MASQUERADED), "{\"cidr\":\"10.64.0.0/16\",\"blockSize\":26,\"strictAffinity\":false,"
        + "\"masquerade\":true,\"disabled\":true}");
    hosts.plant(KEYS.pool(PLAIN), "{not json");

    sync.resync();

    assertThat(kernel.inForce().orElseThrow().nat()).isEqualTo(new HostNat(List.of(MASQUERADED),
        List.of(MASQUERADED)));
  }

  @Test
  void local_endpoints_get_their_mappings_and_a_host_port_mapped_twice_goes_to_the_first_record() {
    addPool(MASQUERADED, true);
    hosts.isolate(HERE, "a", 1, 0, "prod");
    hosts.isolate(HERE, "b", 1, 0, "prod");
    hosts.isolate(THERE, "c", 1, 0, "prod");
    PortMapping web = new PortMapping(8080, 80, TransportProtocol.TCP);
    PortMapping dns = new PortMapping(53, 53, TransportProtocol.UDP);
    PortMapping webAgain = new PortMapping(8080, 8080, TransportProtocol.TCP);
    PortMapping metrics = new PortMapping(9090, 90, TransportProtocol.TCP);
    map(HERE, "a", web, dns);
    map(HERE, "b", webAgain, metrics, new PortMapping(53, 5353, TransportProtocol.TCP));
    map(THERE, "c", web);

    sync.resync();

    HostPolicy policy = kernel.inForce().orElseThrow();
    assertThat(endpoint(policy, "a").portMappings()).containsExactly(web, dns);
    assertThat(endpoint(policy, "b").portMappings()).as("udp 53 is taken, tcp 53 is not")
        .containsExactly(metrics, new PortMapping(53, 5353, TransportProtocol.TCP));
    assertThat(policy.endpoints()).hasSize(2);
  }

  @Test
  void a_mapping_written_later_reaches_the_kernel_on_the_next_event() {
    addPool(MASQUERADED, false);
    hosts.isolate(HERE, "a", 1, 0, "prod");
    sync.resync();
    assertThat(endpoint(kernel.inForce().orElseThrow(), "a").portMappings()).isEmpty();

    PortMapping web = new PortMapping(8080, 80, TransportProtocol.TCP);
    map(HERE, "a", web);
    absorbWrite(endpointKey(HERE, "a"));

    assertThat(sync.enforcePending()).isTrue();
    assertThat(endpoint(kernel.inForce().orElseThrow(), "a").portMappings()).containsExactly(web);
  }

  /** Hands the loop the watch event of the record now at {@code key}. */
  private void absorbWrite(String key) {
    sync.absorb(List.of(WatchEvent.put(store.get(key).orElseThrow())));
  }

  private void addPool(IPAddress cidr, boolean natOutgoing) {
    pools.add(new AddPoolCommand(cidr, OptionalInt.empty(), false, Encapsulation.NONE, natOutgoing));
  }

  /** Rewrites the endpoint's record with these mappings, as a hand could. */
  private void map(NodeName node, String container, PortMapping... mappings) {
    Entry entry = store.get(endpointKey(node, container)).orElseThrow();
    Endpoint e = EndpointCodec.ENDPOINT.decode(entry);
    Endpoint mapped = new Endpoint(e.id(), e.container(), e.interfaceName(), e.mac(), e.ipv4Nets(), e.ipv6Nets(),
        e.profiles(), e.labels(), e.handle(), e.attachment(), List.of(mappings));
    store.update(entry.key(), EndpointCodec.ENDPOINT.encode(mapped), entry.revision());
  }

  private static String endpointKey(NodeName node, String container) {
    return KEYS.endpoint(node, new ContainerId(container), EndpointId.of(new ContainerId(container)));
  }

  private static EndpointPolicy endpoint(HostPolicy policy, String container) {
    String hostInterface = EndpointId.of(new ContainerId(container)).hostInterfaceName();
    return policy.endpoints().stream().filter(p -> p.hostInterface().value().equals(hostInterface))
        .findFirst().orElseThrow();
  }

  private static IPAddress net(String text) {
    return Addresses.parseCidr("test", text);
  }
}
