package org.calicomesos.core.endpoint;

import org.calicomesos.core.ipam.PoolService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.ipam.ReserveAddressesService;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NamespaceNotFoundException;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.dataplane.RouteConflictException;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.endpoint.AddressNotAllocatedException;
import org.calicomesos.ports.endpoint.CleanupResult;
import org.calicomesos.ports.endpoint.ContainerAlreadyIsolatedException;
import org.calicomesos.ports.endpoint.HostAddressUnknownException;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.endpoint.IsolateResult;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.endpoint.ContainerMtuTooSmallException;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.testkit.kv.ForwardingKeyValueStore;
import org.calicomesos.core.RecordingStore;
import org.junit.jupiter.api.Test;

class EndpointLifecycleTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName NODE = new NodeName("agent-1");
  private static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));
  private static final ContainerId CONTAINER = new ContainerId("7c9d2f0e-1111-4a4a-8b8b-0123456789ab");
  private static final NetworkNamespace NETNS = new NetworkNamespace.OfProcess(4242);

  private final MemoryKeyValueStore memory = new MemoryKeyValueStore();
  private final FailingEndpointWrites store = new FailingEndpointWrites(memory);
  private final MemoryDataplane dataplane = new MemoryDataplane()
      .withHostAddress("cali0000000000a", ip("198.18.9.9"))
      .withHostAddress("docker0", ip("172.17.0.1"))
      .withHostAddress("ens3", ip("10.0.0.5"));
  private final ReleaseAddressesService release = new ReleaseAddressesService(store, KEYS, IPAM);
  private final EndpointSettings settings = new EndpointSettings(NODE, 1440, Optional.empty());
  private final IsolateService isolate = new IsolateService(store, KEYS, dataplane, settings);
  private final CleanupService cleanup = new CleanupService(store, KEYS, dataplane, settings, release);

  @Test
  void isolate_plumbs_calico_style_and_records_the_endpoint_with_its_handle() {
    List<IPAddress> addresses = allocate("uid-1", 1, 1);

    IsolateResult result = isolate.isolate(command(addresses, "prod"));

    InterfaceName host = new InterfaceName(EndpointId.of(CONTAINER).hostInterfaceName());
    assertThat(result).isEqualTo(new IsolateResult(host, false));
    assertThat(host.value()).hasSize(15).startsWith("cali");
    VethPlan plan = dataplane.plumbed().get(host);
    assertThat(plan.containerInterface().value()).isEqualTo("eth0");
    assertThat(plan.hostMac().toColonDelimitedString()).isEqualTo("ee:ee:ee:ee:ee:ee");
    assertThat(plan.mtu()).isEqualTo(1440);
    assertThat(plan.namespace().path()).isEqualTo("/proc/4242/ns/net");
    assertThat(plan.containerAddresses()).extracting(IPAddress::toCanonicalString)
        .containsExactly(addresses.get(0) + "/32", addresses.get(1).toCanonicalString() + "/128");
    assertThat(plan.containerRoutes()).extracting(Route::toString).containsExactly(
        "169.254.1.1/32 scope link", "0.0.0.0/0 via 169.254.1.1", "::/0 via fe80::ecee:eeff:feee:eeee");
    assertThat(plan.hostRoutes()).extracting(IPAddress::toCanonicalString)
        .containsExactly(addresses.get(0) + "/32", addresses.get(1).toCanonicalString() + "/128");
    assertThat(plan.hostSysctls()).extracting(Object::toString).contains(
        "net/ipv4/conf/" + host + "/proxy_arp=1", "net/ipv4/neigh/" + host + "/proxy_delay=0",
        "net/ipv4/conf/" + host + "/forwarding=1", "net/ipv6/conf/" + host + "/proxy_ndp=1",
        "net/ipv6/conf/" + host + "/accept_dad=0");

    String record = memory.get(KEYS.endpoint(NODE, CONTAINER, EndpointId.of(CONTAINER))).orElseThrow().value();
    assertThat(record).contains("\"name\":\"" + host + "\"", "\"handle_id\":\"uid-1\"",
        "\"profile_ids\":[\"default_agent-1\",\"prod\"]", "\"ipv4_nets\":[\"" + addresses.get(0) + "/32\"]",
        "\"labels\":{\"app\":\"web\"}", "\"mac\":\"02:");
  }

  @Test
  void profiles_follow_calico_rules_and_the_host_profile_names_the_first_real_host_address() {
    isolate.isolate(command(allocate("uid-1", 1, 0), "public", "prod"));

    assertThat(value(KEYS.profileRules(new org.calicomesos.ports.model.ProfileName("default_agent-1"))))
        .isEqualTo("{\"inbound_rules\":[{\"action\":\"allow\",\"src_net\":\"10.0.0.5/32\"}],"
            + "\"outbound_rules\":[{\"action\":\"allow\",\"dst_net\":\"10.0.0.5/32\"}]}");
    assertThat(value(KEYS.profileRules(new org.calicomesos.ports.model.ProfileName("prod"))))
        .isEqualTo("{\"inbound_rules\":[{\"action\":\"allow\",\"src_tag\":\"prod\"}],\"outbound_rules\":[{\"action\":\"allow\"}]}");
    assertThat(value(KEYS.profileTags(new org.calicomesos.ports.model.ProfileName("prod")))).isEqualTo("[\"prod\"]");
    assertThat(value(KEYS.profileRules(new org.calicomesos.ports.model.ProfileName("public"))))
        .isEqualTo("{\"inbound_rules\":[{\"action\":\"allow\"}],\"outbound_rules\":[{\"action\":\"allow\"}]}");
    assertThat(value(KEYS.endpoint(NODE, CONTAINER, EndpointId.of(CONTAINER))))
        .contains("\"profile_ids\":[\"default_agent-1\",\"public\",\"prod\"]");
  }

  @Test
  void a_configured_host_ip_wins_and_no_host_ip_at_all_is_a_clear_error() {
    IsolateService configured = new IsolateService(store, KEYS, dataplane,
        new EndpointSettings(NODE, 1500, Optional.of(ip("10.9.9.9"))));
    configured.isolate(command(allocate("uid-1", 1, 0)));
    assertThat(value(KEYS.profileRules(new org.calicomesos.ports.model.ProfileName("default_agent-1"))))
        .contains("10.9.9.9/32");

    IsolateService blind = new IsolateService(store, KEYS, new MemoryDataplane(), settings);
    ContainerId other = new ContainerId("other");
    List<IPAddress> addresses = allocate("uid-2", 1, 0);
    assertThatThrownBy(() -> blind.isolate(new IsolateCommand(other, NETNS, addresses, List.of(), Map.of())))
        .isInstanceOf(HostAddressUnknownException.class).hasMessageContaining("CALICO_HOST_IP");
  }

  @Test
  void isolate_again_with_the_same_addresses_changes_nothing() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    isolate.isolate(command(addresses));
    long revision = revision();

    IsolateResult again = isolate.isolate(command(addresses));

    assertThat(again.alreadyIsolated()).isTrue();
    assertThat(dataplane.applied()).hasSize(1);
    assertThat(revision()).isEqualTo(revision);
  }

  @Test
  void isolate_again_after_a_kill_before_the_blackhole_adds_it() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    isolate.isolate(command(addresses));
    IPAddress block = addresses.get(0).toPrefixBlock(26);
    dataplane.removeBlackhole(block); // as if killed right after the endpoint record

    IsolateResult again = isolate.isolate(command(addresses));

    assertThat(again.alreadyIsolated()).isTrue();
    assertThat(dataplane.blackholes()).containsExactly(block);
  }

  @Test
  void isolate_again_with_other_addresses_is_refused_without_touching_anything() {
    isolate.isolate(command(allocate("uid-1", 1, 0)));
    long revision = revision();

    assertThatThrownBy(() -> isolate.isolate(command(allocate("uid-1", 1, 0))))
        .isInstanceOf(ContainerAlreadyIsolatedException.class).hasMessageContaining("clean it up first");
    assertThat(dataplane.applied()).hasSize(1);
    assertThat(revision()).isEqualTo(revision + 2); // only the second allocate's block and handle writes
  }

  @Test
  void an_address_the_ipam_never_handed_out_is_refused_before_anything_is_written() {
    allocate("uid-1", 1, 0); // the pool exists
    long revision = revision();

    assertThatThrownBy(() -> isolate.isolate(command(List.of(ip("198.18.0.200")))))
        .isInstanceOf(AddressNotAllocatedException.class)
        .hasMessage("IP 198.18.0.200 is not allocated; allocate or reserve it before isolate");
    assertThat(dataplane.applied()).isEmpty();
    assertThat(revision()).isEqualTo(revision);
  }

  @Test
  void a_namespace_that_is_gone_leaves_no_interface_and_no_endpoint() {
    dataplane.namespaceGone("/proc/4242/ns/net");

    assertThatThrownBy(() -> isolate.isolate(command(allocate("uid-1", 1, 0))))
        .isInstanceOf(NamespaceNotFoundException.class).hasMessageContaining("pid 4242");
    assertThat(dataplane.plumbed()).isEmpty();
    assertThat(memory.list(KEYS.hostRoot()).entries()).isEmpty();
  }

  @Test
  void an_address_routed_elsewhere_on_the_host_fails_with_one_sentence_and_leaves_nothing() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    dataplane.routeElsewhere(addresses.get(0).toPrefixBlock(32), "eth1");

    assertThatThrownBy(() -> isolate.isolate(command(addresses)))
        .isInstanceOf(RouteConflictException.class).hasMessageContaining("already routed via eth1");
    assertThat(dataplane.plumbed()).isEmpty();
    assertThat(memory.list(KEYS.hostRoot()).entries()).isEmpty();
  }

  @Test
  void a_failed_endpoint_write_removes_the_plumbing_again() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    store.failEndpointWrites = true;

    assertThatThrownBy(() -> isolate.isolate(command(addresses))).isInstanceOf(DatastoreUnavailableException.class);
    assertThat(dataplane.plumbed()).isEmpty();
    assertThat(memory.list(KEYS.hostRoot()).entries()).isEmpty();
  }

  @Test
  void an_interface_left_by_a_killed_isolate_is_replaced() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    store.failEndpointWrites = true;
    dataplane.failNextPlumb(null);
    // simulate the kill: the veth exists, no record was written
    dataplane.plumb(VethPlanner.plan(new InterfaceName(EndpointId.of(CONTAINER).hostInterfaceName()), NETNS,
        addresses, 1500));
    store.failEndpointWrites = false;

    isolate.isolate(command(addresses));

    assertThat(dataplane.plumbed()).hasSize(1);
    assertThat(dataplane.plumbed().values().iterator().next().mtu()).isEqualTo(1440);
    assertThat(memory.list(KEYS.workloadPrefix(NODE)).entries()).hasSize(1);
  }

  @Test
  void a_container_in_a_vxlan_pool_gets_the_link_mtu_less_vxlans_50_bytes_and_the_isolate_reads_nothing_more() {
    List<IPAddress> addresses = allocate("uid-1", 1, 1);
    new PoolService(store, KEYS, IPAM).setEncapsulation(IPAM.defaultIpv4Pool(), Encapsulation.VXLAN);
    RecordingStore recording = new RecordingStore(memory);

    new IsolateService(recording, KEYS, dataplane, settings).isolate(command(addresses, "prod"));

    assertThat(dataplane.plumbed().values().iterator().next().mtu()).isEqualTo(1440 - 50);
    assertThat(recording.operations).filteredOn(op -> op.contains(KEYS.poolRoot())).hasSize(1);
  }

  @Test
  void a_link_mtu_too_small_for_vxlan_is_refused_before_anything_is_written() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    new PoolService(store, KEYS, IPAM).setEncapsulation(IPAM.defaultIpv4Pool(), Encapsulation.VXLAN);
    long before = revision();
    IsolateService small = new IsolateService(store, KEYS, dataplane, new EndpointSettings(NODE, 1300, Optional.empty()));

    assertThatThrownBy(() -> small.isolate(command(addresses, "prod")))
        .isInstanceOf(ContainerMtuTooSmallException.class)
        .hasMessage("CALICO_MTU 1300 leaves 1250 for a container in a VXLAN pool (VXLAN takes 50 bytes), below the "
            + "minimum of 1280; set CALICO_MTU to at least 1330");
    assertThat(dataplane.plumbed()).isEmpty();
    assertThat(revision()).isEqualTo(before);
  }

  @Test
  void cleanup_frees_only_what_still_carries_the_handle() {
    List<IPAddress> mine = allocate("uid-1", 2, 0);
    isolate.isolate(command(mine));
    // the Mesos agent releases by address first; then someone else reserves one of them
    release.release(new ReleaseCommand.ByAddresses(mine));
    new ReserveAddressesService(store, KEYS, IPAM).reserve(
        new ReserveCommand(new NodeName("agent-2"), new HandleId("uid-2"), List.of(mine.get(0)), Map.of()));

    CleanupResult result = cleanup.cleanup(CONTAINER);

    assertThat(result).isEqualTo(new CleanupResult(true, true, List.of()));
    assertThat(dataplane.plumbed()).isEmpty();
    assertThat(memory.list(KEYS.workloadPrefix(NODE)).entries()).isEmpty();
    assertThat(release.release(new ReleaseCommand.ByHandle(new HandleId("uid-2"))).released()).containsExactly(mine.get(0));
  }

  @Test
  void cleanup_without_a_prior_release_frees_the_containers_addresses() {
    List<IPAddress> mine = allocate("uid-1", 2, 1);
    isolate.isolate(command(mine));

    CleanupResult result = cleanup.cleanup(CONTAINER);

    assertThat(result.released()).containsExactlyInAnyOrderElementsOf(mine);
    assertThat(release.release(new ReleaseCommand.ByHandle(new HandleId("uid-1"))).released()).isEmpty();
  }

  @Test
  void cleanup_is_idempotent_and_an_unknown_container_is_a_success() {
    isolate.isolate(command(allocate("uid-1", 1, 0)));
    cleanup.cleanup(CONTAINER);

    assertThat(cleanup.cleanup(CONTAINER)).isEqualTo(new CleanupResult(false, false, List.of()));
    assertThat(cleanup.cleanup(new ContainerId("never-seen"))).isEqualTo(new CleanupResult(false, false, List.of()));
  }

  @Test
  void cleanup_removes_an_interface_even_when_isolate_was_killed_before_writing_the_record() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    dataplane.plumb(VethPlanner.plan(new InterfaceName(EndpointId.of(CONTAINER).hostInterfaceName()), NETNS,
        addresses, 1500));

    CleanupResult result = cleanup.cleanup(CONTAINER);

    assertThat(result.interfaceRemoved()).isTrue();
    assertThat(dataplane.plumbed()).isEmpty();
  }

  @Test
  void local_blocks_get_blackhole_routes() {
    List<IPAddress> addresses = allocate("uid-1", 1, 1);
    List<IPAddress> blocks = List.of(addresses.get(0).toPrefixBlock(26), addresses.get(1).toPrefixBlock(122));
    isolate.isolate(command(addresses));

    assertThat(dataplane.blackholes()).containsExactlyInAnyOrderElementsOf(blocks);
    dataplane.addBlackhole(Addresses.parseCidr("stale", "198.18.7.0/26")); // a block this host no longer claims
    cleanup.cleanup(CONTAINER);
    assertThat(dataplane.blackholes()).containsExactlyInAnyOrderElementsOf(blocks);
  }

  @Test
  void an_isolate_reads_everything_it_needs_with_the_block_in_one_round_trip_and_not_the_hosts_affinities() {
    // The agent answers as fast as the store's round trips: the container's records, the pools, each profile and
    // the block the default block size gives in one listAll, and the container's own blocks get their blackholes
    // without reading this host's claims.
    ContainerId first = new ContainerId("0b9d2f0e-2222-4a4a-8b8b-0123456789ab");
    isolate.isolate(new IsolateCommand(first, new NetworkNamespace.OfProcess(4241), allocate("uid-0", 1, 0),
        List.of(new Netgroup("prod")), Map.of())); // creates the profiles and the block's blackhole
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    RecordingStore recording = new RecordingStore(memory);
    IsolateService counted = new IsolateService(recording, KEYS, dataplane, settings);

    counted.isolate(command(addresses, "prod"));

    assertThat(recording.operations).containsExactly(
        "list " + KEYS.endpointPrefix(NODE, CONTAINER) + " + " + KEYS.poolRoot()
            + " + " + KEYS.profile(ProfileName.hostDefault(NODE))
            + " + " + KEYS.profile(ProfileName.of(new Netgroup("prod")))
            + " + " + KEYS.block(addresses.get(0).toPrefixBlock(26)),
        "create " + KEYS.endpoint(NODE, CONTAINER, EndpointId.of(CONTAINER)));
    assertThat(dataplane.blackholes()).containsExactly(addresses.get(0).toPrefixBlock(26));
  }

  @Test
  void an_isolate_from_a_pool_of_another_block_size_reads_the_block_it_guessed_wrong_again_and_gets_it_right() {
    // Instead of the default pool (/26 blocks), one of /28 blocks.
    new PoolService(memory, KEYS, IPAM).add(
        new AddPoolCommand(Addresses.parseCidr("pool", "198.18.0.0/24"), OptionalInt.of(28), false));
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    RecordingStore recording = new RecordingStore(memory);

    new IsolateService(recording, KEYS, dataplane, settings).isolate(command(addresses));

    assertThat(recording.operations).startsWith(
        "list " + KEYS.endpointPrefix(NODE, CONTAINER) + " + " + KEYS.poolRoot()
            + " + " + KEYS.profile(ProfileName.hostDefault(NODE))
            + " + " + KEYS.block(addresses.get(0).toPrefixBlock(26)),
        "get block") // then this host's default profile is created, the first isolate here
        .endsWith("create " + KEYS.endpoint(NODE, CONTAINER, EndpointId.of(CONTAINER)));
    assertThat(memory.get(KEYS.endpoint(NODE, CONTAINER, EndpointId.of(CONTAINER))).orElseThrow().value())
        .contains("\"handle_id\":\"uid-1\"");
    assertThat(dataplane.blackholes()).containsExactly(addresses.get(0).toPrefixBlock(28));
  }

  @Test
  void a_release_by_address_reads_the_pools_and_the_block_in_one_round_trip() {
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    RecordingStore recording = new RecordingStore(memory);

    new ReleaseAddressesService(recording, KEYS, IPAM).release(new ReleaseCommand.ByAddresses(addresses));

    assertThat(recording.operations).containsExactly(
        "list " + KEYS.poolRoot() + " + " + KEYS.block(addresses.get(0).toPrefixBlock(26)),
        "update block",
        "get " + KEYS.handle(new HandleId("uid-1")),
        "delete " + KEYS.handle(new HandleId("uid-1")));
    assertThat(release.release(new ReleaseCommand.ByAddresses(addresses)).alreadyFree()).isEqualTo(addresses);
  }

  @Test
  void a_cleanup_after_the_release_lists_the_containers_records_and_this_hosts_claims_in_one_round_trip() {
    // this host's claims: its blocks' (for the blackholes) and its host ports' (to release the container's)
    List<IPAddress> addresses = allocate("uid-1", 1, 0);
    isolate.isolate(command(addresses, "prod"));
    release.release(new ReleaseCommand.ByAddresses(addresses));
    RecordingStore recording = new RecordingStore(memory);
    CleanupService counted = new CleanupService(recording, KEYS, dataplane, settings,
        new ReleaseAddressesService(recording, KEYS, IPAM));

    counted.cleanup(CONTAINER);

    String record = KEYS.endpoint(NODE, CONTAINER, EndpointId.of(CONTAINER));
    assertThat(recording.operations).containsExactly(
        "list " + KEYS.endpointPrefix(NODE, CONTAINER) + " + " + KEYS.affinityPrefix(NODE) + " + "
            + KEYS.portClaimPrefix(NODE),
        "get " + KEYS.handle(new HandleId("uid-1")), // does the uid still hold anything? (released above: no)
        "delete " + record);
    assertThat(memory.get(record)).isEmpty();
    assertThat(dataplane.blackholes()).containsExactly(addresses.get(0).toPrefixBlock(26));
  }

  private IsolateCommand command(List<IPAddress> addresses, String... netgroups) {
    return new IsolateCommand(CONTAINER, NETNS, addresses,
        java.util.Arrays.stream(netgroups).map(Netgroup::new).toList(), Map.of("app", "web"));
  }

  private List<IPAddress> allocate(String uid, int v4, int v6) {
    var result = new AllocateAddressesService(store, KEYS, IPAM)
        .allocate(new AllocateCommand(NODE, new HandleId(uid), v4, v6, Map.of()));
    List<IPAddress> all = new java.util.ArrayList<>(result.ipv4());
    all.addAll(result.ipv6());
    return all;
  }

  private String value(String key) {
    return memory.get(key).orElseThrow().value();
  }

  private long revision() {
    return memory.list("/").revision();
  }

  private static IPAddress ip(String text) {
    return Addresses.parseAnyAddress("ip", text);
  }

  /** Fails writes of endpoint records as an unreachable datastore would. */
  static final class FailingEndpointWrites extends ForwardingKeyValueStore {
    boolean failEndpointWrites;

    FailingEndpointWrites(KeyValueStore delegate) {
      super(delegate);
    }

    @Override
    public WriteOutcome create(String key, String value) {
      failIfEndpoint(key);
      return super.create(key, value);
    }

    @Override
    public WriteOutcome update(String key, String value, long expectedRevision) {
      failIfEndpoint(key);
      return super.update(key, value, expectedRevision);
    }

    private void failIfEndpoint(String key) {
      if (failEndpointWrites && key.contains("/workload/")) {
        throw new DatastoreUnavailableException("memory", "injected", null);
      }
    }
  }
}
