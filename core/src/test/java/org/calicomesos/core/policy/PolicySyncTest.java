package org.calicomesos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.core.endpoint.CleanupService;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyApplyException;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's policy, compiled from records written by the real isolate/cleanup services of two hosts on one store:
 * Calico v1 semantics (docs/calico-model.md, "Profiles and policy"), only this host's endpoints get rules, tag sets
 * span hosts.
 */
class PolicySyncTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName HERE = new NodeName("agent-1");
  private static final NodeName THERE = new NodeName("agent-2");
  private static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final RecordingPolicyDataplane kernel = new RecordingPolicyDataplane();
  private final PolicySync sync = new PolicySync(store, KEYS, settings(HERE, "10.0.0.5"), kernel);
  private final List<Watch> watches = new ArrayList<>();

  @AfterEach
  void closeWatches() {
    watches.forEach(Watch::close);
  }

  @Test
  void compiles_netgroups_public_and_the_host_profile_for_local_endpoints_only() {
    List<IPAddress> a = isolate(HERE, "a", 1, 1, "prod");
    List<IPAddress> b = isolate(THERE, "b", 1, 0, "prod");
    List<IPAddress> c = isolate(HERE, "c", 1, 0, "dev");
    List<IPAddress> d = isolate(HERE, "d", 1, 0, "public");
    List<IPAddress> e = isolate(HERE, "e", 1, 0, "dev", "prod");

    sync.resync();

    HostPolicy policy = kernel.inForce().orElseThrow();
    assertThat(policy.endpoints()).extracting(p -> p.hostInterface().value())
        .containsExactlyElementsOf(sortedInterfaces("a", "c", "d", "e"));
    EndpointPolicy endpointA = endpoint(policy, "a");
    assertThat(endpointA.addresses()).containsExactlyElementsOf(a);
    assertThat(endpointA.profiles()).extracting(ProfilePolicy::name)
        .containsExactly(new ProfileName("default_agent-1"), new ProfileName("prod"));
    ProfilePolicy hostProfile = endpointA.profiles().get(0);
    assertThat(hostProfile.inbound()).containsExactly(Rule.allowFromNet(net("10.0.0.5/32")));
    assertThat(hostProfile.outbound()).containsExactly(Rule.allowToNet(net("10.0.0.5/32")));
    assertThat(endpointA.profiles().get(1).inbound()).containsExactly(Rule.allowFromTag("prod"));
    assertThat(endpointA.profiles().get(1).outbound()).containsExactly(Rule.ALLOW_ALL);
    assertThat(endpoint(policy, "d").profiles()).extracting(ProfilePolicy::name)
        .containsExactly(new ProfileName("default_agent-1"), new ProfileName("public"));
    assertThat(endpoint(policy, "d").profiles().get(1).inbound()).containsExactly(Rule.ALLOW_ALL);
    assertThat(endpoint(policy, "e").profiles()).extracting(ProfilePolicy::name)
        .containsExactly(new ProfileName("default_agent-1"), new ProfileName("dev"), new ProfileName("prod"));

    // A tag's set holds every endpoint in the cluster carrying it, the other host's included; `public` is
    // named by no rule, so it needs no set.
    assertThat(policy.tagSets()).extracting(TagSet::tag).containsExactly("dev", "prod");
    assertThat(members(policy, "prod")).containsExactlyInAnyOrderElementsOf(concat(a, b, e));
    assertThat(members(policy, "dev")).containsExactlyInAnyOrderElementsOf(concat(c, e));
    assertThat(members(policy, "prod")).doesNotContainAnyElementsOf(concat(c, d));
  }

  @Test
  void watch_events_update_sets_and_chains_and_an_unchanged_policy_is_not_applied_again() {
    List<IPAddress> a = isolate(HERE, "a", 1, 0, "prod");
    List<IPAddress> b = isolate(THERE, "b", 1, 0, "prod");
    long revision = sync.resync();
    RecordingWatchListener events = watch(revision);

    cleanup(THERE, "b");
    List<IPAddress> f = isolate(HERE, "f", 1, 0, "prod");
    sync.absorb(events.awaitEvent(ev -> ev.key().contains("/workload/mesos/f/"), "endpoint f written", Duration.ofSeconds(5)));

    assertThat(sync.enforcePending()).isTrue();
    HostPolicy policy = kernel.inForce().orElseThrow();
    assertThat(members(policy, "prod")).containsExactlyInAnyOrderElementsOf(concat(a, f)).doesNotContainAnyElementsOf(b);
    assertThat(policy.endpoints()).hasSize(2);
    int applied = kernel.enforced().size();

    assertThat(sync.enforcePending()).as("nothing new").isFalse();
    // A pool record that cannot be read (it has no block size) is ignored: the same policy, nothing applied.
    sync.absorb(List.of(org.calicomesos.ports.kv.WatchEvent.put(
        new org.calicomesos.ports.kv.Entry(KEYS.poolRoot() + "v4/pool/10.9.0.0-16", "{\"cidr\":\"10.9.0.0/16\"}", 999))));
    assertThat(sync.enforcePending()).isFalse();
    // Nor does a host's registration, which lives beside its endpoints under /v1/host/<node>/.
    sync.absorb(List.of(org.calicomesos.ports.kv.WatchEvent.put(new org.calicomesos.ports.kv.Entry(
        KEYS.registration(THERE), "{\"node\":\"agent-2\",\"ipv4\":\"10.0.0.6\",\"ipv6\":null,"
            + "\"version\":\"v\",\"heartbeat\":\"2026-11-25T04:30:00Z\"}", 1000))));
    assertThat(sync.enforcePending()).isFalse();
    // A resync that finds the same datastore applies nothing either.
    sync.resync();
    assertThat(kernel.enforced()).hasSize(applied);
  }

  @Test
  void unreadable_records_only_ever_deny() {
    List<IPAddress> a = isolate(HERE, "a", 1, 0, "prod");
    isolate(HERE, "g", 1, 0, "prod");
    String gKey = KEYS.endpoint(HERE, new ContainerId("g"), EndpointId.of(new ContainerId("g")));
    var gEntry = store.get(gKey).orElseThrow();
    store.update(gKey, gEntry.value().replace("\"name\":\"cali", "\"name\":\"x;y}cali"), gEntry.revision());
    store.create(KEYS.endpoint(HERE, new ContainerId("h"), EndpointId.of(new ContainerId("h"))), "{not json");
    store.create(KEYS.profileRoot() + "bad;name/rules", "{\"inbound_rules\":[{\"action\":\"allow\"}],\"outbound_rules\":[]}");

    sync.resync();

    HostPolicy policy = kernel.inForce().orElseThrow();
    // g's interface name is unusable: no chain (its traffic stays dropped), but its address is still a member.
    assertThat(policy.endpoints()).extracting(p -> p.hostInterface().value()).containsExactly(hostInterface("a"));
    assertThat(members(policy, "prod")).hasSize(2).containsAll(a);
  }

  @Test
  void a_profile_not_in_the_datastore_admits_nothing() {
    isolate(HERE, "a", 1, 0, "prod");
    store.delete(KEYS.profileRules(new ProfileName("prod")),
        store.get(KEYS.profileRules(new ProfileName("prod"))).orElseThrow().revision());

    sync.resync();

    assertThat(endpoint(kernel.inForce().orElseThrow(), "a").profiles()).extracting(ProfilePolicy::name)
        .containsExactly(new ProfileName("default_agent-1"));
    assertThat(kernel.inForce().orElseThrow().tagSets()).isEmpty();
  }

  @Test
  void a_refused_apply_is_retried_by_the_next_call() {
    isolate(HERE, "a", 1, 0, "prod");
    kernel.failNextEnforce(new PolicyApplyException("nft said no"));

    assertThatThrownBy(sync::resync).isInstanceOf(PolicyApplyException.class);
    assertThat(kernel.inForce()).isEmpty();

    assertThat(sync.enforcePending()).isTrue();
    assertThat(kernel.inForce().orElseThrow().endpoints()).hasSize(1);
  }

  private RecordingWatchListener watch(long revision) {
    RecordingWatchListener listener = new RecordingWatchListener();
    sync.watchedPrefixes().forEach(prefix -> watches.add(store.watch(prefix, revision, listener)));
    return listener;
  }

  private List<IPAddress> isolate(NodeName node, String container, int v4, int v6, String... netgroups) {
    var allocated = new AllocateAddressesService(store, KEYS, IPAM)
        .allocate(new AllocateCommand(node, new HandleId("uid-" + container), v4, v6, Map.of()));
    List<IPAddress> addresses = concat(allocated.ipv4(), allocated.ipv6());
    new IsolateService(store, KEYS, new MemoryDataplane(), settings(node, node.equals(HERE) ? "10.0.0.5" : "10.0.0.6"))
        .isolate(new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses,
            Arrays.stream(netgroups).map(Netgroup::new).toList(), Map.of()));
    return addresses;
  }

  private void cleanup(NodeName node, String container) {
    EndpointSettings settings = settings(node, "10.0.0.6");
    new CleanupService(store, KEYS, new MemoryDataplane(), settings, new ReleaseAddressesService(store, KEYS, IPAM))
        .cleanup(new ContainerId(container));
  }

  private static EndpointSettings settings(NodeName node, String hostIp) {
    return new EndpointSettings(node, 1500, Optional.of(Addresses.parseAnyAddress("test", hostIp)));
  }

  private static EndpointPolicy endpoint(HostPolicy policy, String container) {
    return policy.endpoints().stream().filter(p -> p.hostInterface().value().equals(hostInterface(container)))
        .findFirst().orElseThrow();
  }

  private static List<IPAddress> members(HostPolicy policy, String tag) {
    return policy.tagSets().stream().filter(set -> set.tag().equals(tag)).findFirst().orElseThrow().members();
  }

  private static String hostInterface(String container) {
    return EndpointId.of(new ContainerId(container)).hostInterfaceName();
  }

  private static List<String> sortedInterfaces(String... containers) {
    return Arrays.stream(containers).map(PolicySyncTest::hostInterface).sorted().toList();
  }

  @SafeVarargs
  private static List<IPAddress> concat(List<IPAddress>... lists) {
    List<IPAddress> all = new ArrayList<>();
    for (List<IPAddress> list : lists) {
      list.forEach(address -> all.add(address.withoutPrefixLength()));
    }
    return all;
  }

  private static IPAddress net(String text) {
    return Addresses.parseCidr("test", text);
  }
}
