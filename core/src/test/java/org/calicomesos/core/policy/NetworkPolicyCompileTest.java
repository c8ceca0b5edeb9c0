package org.calicomesos.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.core.endpoint.EndpointLabelService;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.rule.PolicyRecords;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.Test;

/**
 * Network policies compiled for one host from records written by the real isolate service: which policies apply to
 * which local endpoint in which order, which selector sets they need and who is in them, across hosts.
 */
class NetworkPolicyCompileTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName HERE = new NodeName("agent-1");
  private static final NodeName THERE = new NodeName("agent-2");
  private static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));
  private static final Rule WEB_TO_5432 = new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.TCP), Optional.empty(),
      RuleEntity.selector(Selector.parse("app == 'web'")), RuleEntity.ports(PortRange.of(5432)));

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final RecordingPolicyDataplane kernel = new RecordingPolicyDataplane();
  private final PolicySync sync = new PolicySync(store, KEYS, settings(HERE), kernel);

  @Test
  void policies_apply_to_the_local_endpoints_their_selector_matches_in_order_and_direction() {
    isolate(HERE, "db", Map.of("app", "db"), "prod");
    isolate(HERE, "web", Map.of("app", "web", "tier", "front"), "prod");
    isolate(HERE, "other", Map.of(), "dev");
    write(policy("db-ingress", 20, "app == 'db'", Set.of(PolicyType.INGRESS), List.of(WEB_TO_5432), List.of()));
    write(policy("deny-first", 10, "has(app)", Set.of(PolicyType.INGRESS, PolicyType.EGRESS),
        List.of(Rule.allow(RuleEntity.ANY, RuleEntity.ANY).withAction(RuleAction.PASS)),
        List.of(Rule.allow(RuleEntity.ANY, RuleEntity.ANY).withAction(RuleAction.PASS))));
    write(policy("no-order", null, "tier in {'front', 'back'}", Set.of(PolicyType.EGRESS), List.of(),
        List.of(Rule.allowToNet(Addresses.parseCidr("t", "192.0.2.0/24")))));

    sync.resync();

    HostPolicy policy = kernel.inForce().orElseThrow();
    EndpointPolicy db = endpoint(policy, "db");
    assertThat(db.ingressPolicies()).extracting(PolicyName::value).containsExactly("deny-first", "db-ingress");
    assertThat(db.egressPolicies()).extracting(PolicyName::value).containsExactly("deny-first");
    EndpointPolicy web = endpoint(policy, "web");
    assertThat(web.ingressPolicies()).extracting(PolicyName::value).containsExactly("deny-first");
    assertThat(web.egressPolicies()).extracting(PolicyName::value).containsExactly("deny-first", "no-order");
    EndpointPolicy other = endpoint(policy, "other");
    assertThat(other.ingressPolicies()).isEmpty();
    assertThat(other.egressPolicies()).isEmpty();
    assertThat(policy.policies()).extracting(PolicyRules::name).extracting(PolicyName::value)
        .containsExactly("db-ingress", "deny-first", "no-order");
    assertThat(policy.policies().get(0).ingress()).containsExactly(WEB_TO_5432);
  }

  @Test
  void a_selector_set_holds_the_matching_endpoints_of_every_host_and_a_policy_no_local_endpoint_uses_is_left_out() {
    List<IPAddress> db = isolate(HERE, "db", Map.of("app", "db"), "prod");
    List<IPAddress> webHere = isolate(HERE, "web1", Map.of("app", "web"), "prod");
    List<IPAddress> webThere = isolate(THERE, "web2", Map.of("app", "web"), "prod");
    isolate(THERE, "api", Map.of("app", "api"), "prod");
    write(policy("db-ingress", 20, "app == 'db'", Set.of(PolicyType.INGRESS), List.of(WEB_TO_5432), List.of()));
    write(policy("elsewhere", 1, "app == 'api'", Set.of(PolicyType.INGRESS),
        List.of(Rule.allow(RuleEntity.selector(Selector.parse("has(nothing)")), RuleEntity.ANY)), List.of()));

    sync.resync();

    HostPolicy policy = kernel.inForce().orElseThrow();
    assertThat(policy.policies()).extracting(PolicyRules::name).extracting(PolicyName::value)
        .containsExactly("db-ingress");
    assertThat(policy.selectorSets()).extracting(SelectorSet::selector)
        .containsExactly(Selector.parse("app == \"web\""));
    assertThat(policy.selectorSets().get(0).members()).containsExactlyInAnyOrderElementsOf(concat(webHere, webThere))
        .doesNotContainAnyElementsOf(concat(db));
  }

  @Test
  void labels_are_matched_sanitized_netgroups_are_labels_and_a_label_change_moves_an_endpoint_between_sets() {
    List<IPAddress> a = isolate(HERE, "a", Map.of("team/name", "Blue Team"), "prod");
    List<IPAddress> b = isolate(HERE, "b", Map.of(), "dev");
    write(policy("p", 1, "all()", Set.of(PolicyType.INGRESS), List.of(
        Rule.allow(RuleEntity.selector(Selector.parse("team.name == 'Blue-Team'")), RuleEntity.ANY),
        Rule.allow(RuleEntity.selector(Selector.parse("has(dev)")), RuleEntity.ANY)), List.of()));
    long revision = sync.resync();

    HostPolicy policy = kernel.inForce().orElseThrow();
    assertThat(members(policy, "team.name == \"Blue-Team\"")).containsExactlyElementsOf(concat(a));
    assertThat(members(policy, "has(dev)")).containsExactlyElementsOf(concat(b));

    // Relabel a, as `calico-mesos endpoint label` does.
    List<WorkloadEndpoint> relabelled = new EndpointLabelService(store, KEYS).label(new ContainerId("a"),
        Optional.empty(), Map.of("dev", "yes", "team/name", "red"), Set.of());
    assertThat(relabelled).singleElement().satisfies(endpoint -> assertThat(endpoint.details().value().orElseThrow()
        .labels()).isEqualTo(Map.of("dev", "yes", "team/name", "red")));
    sync.absorb(store.list(KEYS.v1Root()).entries().stream().filter(entry -> entry.revision() > revision)
        .map(WatchEvent::put).toList());
    sync.enforcePending();

    HostPolicy after = kernel.inForce().orElseThrow();
    assertThat(members(after, "team.name == \"Blue-Team\"")).isEmpty();
    assertThat(members(after, "has(dev)")).containsExactlyInAnyOrderElementsOf(concat(a, b));
    assertThat(after.endpoints()).isEqualTo(policy.endpoints().stream().map(endpoint ->
        endpoint.hostInterface().value().equals(hostInterface("a")) ? endpoint(after, "a") : endpoint).toList());
  }

  @Test
  void a_policy_record_that_cannot_be_read_is_left_out_and_the_rest_still_enforced() {
    isolate(HERE, "db", Map.of("app", "db"), "prod");
    write(policy("good", 1, "all()", Set.of(PolicyType.INGRESS), List.of(WEB_TO_5432), List.of()));
    store.create(KEYS.policy(new PolicyName("bad")), "{\"selector\":\"app ==\",\"inbound_rules\":[]}");
    store.create(KEYS.policyRoot() + "Not_A_Name", "{}");

    sync.resync();

    HostPolicy policy = kernel.inForce().orElseThrow();
    assertThat(policy.policies()).extracting(PolicyRules::name).extracting(PolicyName::value).containsExactly("good");
    assertThat(endpoint(policy, "db").ingressPolicies()).extracting(PolicyName::value).containsExactly("good");
  }

  @Test
  void deleting_a_policy_takes_it_off_its_endpoints() {
    isolate(HERE, "db", Map.of("app", "db"), "prod");
    write(policy("good", 1, "all()", Set.of(PolicyType.INGRESS), List.of(WEB_TO_5432), List.of()));
    sync.resync();
    assertThat(kernel.inForce().orElseThrow().policies()).hasSize(1);

    String key = KEYS.policy(new PolicyName("good"));
    store.delete(key, store.get(key).orElseThrow().revision());
    sync.absorb(List.of(WatchEvent.delete(key, 0)));
    sync.enforcePending();

    HostPolicy policy = kernel.inForce().orElseThrow();
    assertThat(policy.policies()).isEmpty();
    assertThat(policy.selectorSets()).isEmpty();
    assertThat(endpoint(policy, "db").ingressPolicies()).isEmpty();
  }

  private void write(NetworkPolicy policy) {
    store.create(KEYS.policy(policy.name()), PolicyRecords.encode(policy));
  }

  private static NetworkPolicy policy(String name, Integer order, String selector, Set<PolicyType> types,
      List<Rule> ingress, List<Rule> egress) {
    return new NetworkPolicy(new PolicyName(name), order == null ? OptionalDouble.empty() : OptionalDouble.of(order),
        Selector.parse(selector), types, ingress, egress);
  }

  private List<IPAddress> isolate(NodeName node, String container, Map<String, String> labels, String... netgroups) {
    var allocated = new AllocateAddressesService(store, KEYS, IPAM)
        .allocate(new AllocateCommand(node, new HandleId("uid-" + container), 1, 0, Map.of()));
    List<IPAddress> addresses = new ArrayList<>(allocated.ipv4());
    new IsolateService(store, KEYS, new MemoryDataplane(), settings(node))
        .isolate(new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses,
            Arrays.stream(netgroups).map(Netgroup::new).toList(), labels));
    return addresses;
  }

  private static EndpointSettings settings(NodeName node) {
    return new EndpointSettings(node, 1500, Optional.of(Addresses.parseAnyAddress("test",
        node.equals(HERE) ? "10.0.0.5" : "10.0.0.6")));
  }

  private static EndpointPolicy endpoint(HostPolicy policy, String container) {
    return policy.endpoints().stream().filter(p -> p.hostInterface().value().equals(hostInterface(container)))
        .findFirst().orElseThrow();
  }

  private static List<IPAddress> members(HostPolicy policy, String selector) {
    return policy.selectorSets().stream().filter(set -> set.selector().equals(Selector.parse(selector))).findFirst()
        .orElseThrow().members();
  }

  private static String hostInterface(String container) {
    return EndpointId.of(new ContainerId(container)).hostInterfaceName();
  }

  private static List<IPAddress> concat(List<IPAddress> addresses) {
    return addresses.stream().map(IPAddress::withoutPrefixLength).toList();
  }

  @SafeVarargs
  private static List<IPAddress> concat(List<IPAddress>... lists) {
    List<IPAddress> all = new ArrayList<>();
    for (List<IPAddress> list : lists) {
      all.addAll(concat(list));
    }
    return all;
  }
}
