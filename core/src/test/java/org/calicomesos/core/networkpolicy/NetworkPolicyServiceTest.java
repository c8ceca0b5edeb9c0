package org.calicomesos.core.networkpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.calicomesos.core.TwoHosts;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.PolicyNotFoundException;
import org.calicomesos.ports.policy.PolicySelection;
import org.calicomesos.ports.policy.PolicyWrite.Outcome;
import org.calicomesos.ports.policy.PolicyWrite;
import org.calicomesos.ports.policy.StoredPolicy;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;
import org.junit.jupiter.api.Test;

/** {@code policy apply|delete|list|show} and the selection of policies for an endpoint, on a memory store. */
class NetworkPolicyServiceTest {
  private final TwoHosts hosts = new TwoHosts();
  private final NetworkPolicyService policies = new NetworkPolicyService(hosts.store, TwoHosts.KEYS);

  @Test
  void apply_creates_then_leaves_an_equal_policy_alone_then_updates_a_changed_one() {
    NetworkPolicy web = policy("web", 10, "all()", Set.of(PolicyType.INGRESS), List.of(webRule()), List.of());

    assertThat(policies.apply(List.of(web))).containsExactly(new PolicyWrite(web.name(), Outcome.CREATED));
    long revision = hosts.store.get(TwoHosts.KEYS.policy(web.name())).orElseThrow().revision();
    assertThat(policies.apply(List.of(web))).containsExactly(new PolicyWrite(web.name(), Outcome.UNCHANGED));
    assertThat(hosts.store.get(TwoHosts.KEYS.policy(web.name())).orElseThrow().revision()).isEqualTo(revision);

    NetworkPolicy tighter = policy("web", 5, "all()", Set.of(PolicyType.INGRESS), List.of(), List.of());
    assertThat(policies.apply(List.of(tighter))).containsExactly(new PolicyWrite(web.name(), Outcome.UPDATED));
    assertThat(policies.show(web.name()).policy().value()).contains(tighter);
  }

  @Test
  void a_spoiled_record_is_listed_as_unreadable_and_replaced_by_apply() {
    NetworkPolicy web = policy("web", 10, "all()", Set.of(PolicyType.INGRESS), List.of(webRule()), List.of());
    policies.apply(List.of(web));
    hosts.plant(TwoHosts.KEYS.policy(new PolicyName("broken")), "{\"inbound_rules\": 3}");

    List<StoredPolicy> listed = policies.list();

    assertThat(listed).extracting(p -> p.name().value()).containsExactly("broken", "web");
    assertThat(listed.get(0).policy().problem()).hasValueSatisfying(problem -> assertThat(problem).contains("inbound_rules"));
    assertThat(listed.get(1).policy().value()).contains(web);
    NetworkPolicy fixed = policy("broken", 1, "all()", Set.of(PolicyType.INGRESS), List.of(), List.of());
    assertThat(policies.apply(List.of(fixed))).extracting(PolicyWrite::outcome).containsExactly(Outcome.UPDATED);
    assertThat(policies.show(fixed.name()).policy().value()).contains(fixed);
  }

  @Test
  void delete_removes_the_record_and_refuses_an_unknown_policy() {
    policies.apply(List.of(policy("web", 10, "all()", Set.of(PolicyType.INGRESS), List.of(), List.of())));

    policies.delete(new PolicyName("web"));

    assertThat(policies.list()).isEmpty();
    assertThatThrownBy(() -> policies.delete(new PolicyName("web")))
        .isInstanceOf(PolicyNotFoundException.class).hasMessage("there is no policy web");
    assertThatThrownBy(() -> policies.show(new PolicyName("web")))
        .isInstanceOf(PolicyNotFoundException.class).hasMessage("there is no policy web");
  }

  @Test
  void selection_lists_the_matching_policies_per_direction_in_evaluation_order_with_the_tags_as_labels() {
    hosts.isolate(TwoHosts.HERE, "a", 1, 0, "prod");
    policies.apply(List.of(
        policy("zz-last", Double.NaN, "all()", Set.of(PolicyType.INGRESS, PolicyType.EGRESS), List.of(), List.of()),
        policy("b-second", 20, "all()", Set.of(PolicyType.INGRESS), List.of(), List.of()),
        policy("a-first", 10, "all()", Set.of(PolicyType.EGRESS, PolicyType.INGRESS), List.of(), List.of()),
        policy("only-tagged", 1, "has(other)", Set.of(PolicyType.INGRESS), List.of(), List.of())));

    PolicySelection selection = policies.selectionFor(Map.of("app", "a"), List.of(new ProfileName("prod")));

    assertThat(selection.labels()).isEqualTo(Map.of("app", "a", "prod", ""));
    assertThat(selection.ingress()).extracting(PolicyName::value).containsExactly("a-first", "b-second", "zz-last");
    assertThat(selection.egress()).extracting(PolicyName::value).containsExactly("a-first", "zz-last");
  }

  private static Rule webRule() {
    return new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.TCP), Optional.empty(), RuleEntity.ANY,
        RuleEntity.ports(PortRange.of(80), new PortRange(8000, 8080)));
  }

  private static NetworkPolicy policy(String name, double order, String selector, Set<PolicyType> types,
      List<Rule> ingress, List<Rule> egress) {
    return new NetworkPolicy(new PolicyName(name), Double.isNaN(order) ? OptionalDouble.empty() : OptionalDouble.of(order),
        Selector.parse(selector), types, ingress, egress);
  }
}
