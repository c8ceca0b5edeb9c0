package org.calicomesos.ports.policy;

import java.util.List;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;

/**
 * The rules of one network policy that applies to some endpoint of this host: {@code ingress} for traffic to its
 * endpoints, {@code egress} for traffic from them, each in order. Which endpoints it applies to, and in which
 * direction, is in their {@link EndpointPolicy}.
 */
public record PolicyRules(PolicyName name, List<Rule> ingress, List<Rule> egress) {
  public PolicyRules {
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }

  /** Whether a rule of either direction passes, so an endpoint's chain must look for the pass after it. */
  public boolean passes() {
    return ingress.stream().anyMatch(rule -> rule.action() == RuleAction.PASS)
        || egress.stream().anyMatch(rule -> rule.action() == RuleAction.PASS);
  }
}
