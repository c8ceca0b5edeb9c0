package org.calicomesos.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.selector.Selector;
import org.junit.jupiter.api.Test;

class EndpointLabelsTest {

  @Test
  void tags_become_empty_labels_under_the_sanitized_task_labels_which_win() {
    Map<String, String> seen = EndpointLabels.effective(Map.of("Team Name/x", "Blue Team", "prod", "yes"),
        List.of("prod", "dev ops"));

    assertThat(seen).isEqualTo(Map.of("Team-Name.x", "Blue-Team", "prod", "yes", "dev-ops", ""));
    assertThat(Selector.parse("has(dev-ops) && prod == 'yes'").matches(seen)).isTrue();
  }

  @Test
  void policies_apply_in_evaluation_order_and_only_in_their_directions() {
    List<NetworkPolicy> policies = List.of(
        policy("z-last", OptionalDouble.empty(), Set.of(PolicyType.INGRESS)),
        policy("b", OptionalDouble.of(5), Set.of(PolicyType.INGRESS, PolicyType.EGRESS)),
        policy("a", OptionalDouble.of(5), Set.of(PolicyType.EGRESS)),
        policy("first", OptionalDouble.of(-1.5), Set.of(PolicyType.INGRESS))).stream()
        .sorted(NetworkPolicy.EVALUATION_ORDER).toList();
    Map<String, String> labels = Map.of("app", "db");

    assertThat(PolicyOrder.applying(policies, labels, PolicyType.INGRESS)).extracting(PolicyName::value)
        .containsExactly("first", "b", "z-last");
    assertThat(PolicyOrder.applying(policies, labels, PolicyType.EGRESS)).extracting(PolicyName::value)
        .containsExactly("a", "b");
    assertThat(PolicyOrder.applying(policies, Map.of("app", "web"), PolicyType.INGRESS)).isEmpty();
  }

  private static NetworkPolicy policy(String name, OptionalDouble order, Set<PolicyType> types) {
    return new NetworkPolicy(new PolicyName(name), order, Selector.parse("app == 'db'"), types,
        types.contains(PolicyType.INGRESS) ? List.of(Rule.ALLOW_ALL) : List.of(),
        types.contains(PolicyType.EGRESS) ? List.of(Rule.ALLOW_ALL) : List.of());
  }
}
