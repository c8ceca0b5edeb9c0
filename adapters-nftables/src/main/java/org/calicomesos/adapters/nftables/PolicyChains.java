package org.calicomesos.adapters.nftables;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * The chains of the network policies: one per policy and direction that some endpoint of this host applies it in,
 * shared by all of them ({@code pi_<name>}, {@code po_<name>}), holding the policy's rules of that direction with
 * policy verdicts ({@link RuleVerdicts#POLICY}). A packet that no rule decides falls off the end, back to the
 * list chain that jumped to it ({@link PolicyListChains}), with no mark set.
 */
final class PolicyChains {
  private PolicyChains() {}

  /**
   * The rules of every policy chain, by chain name, in the policies' order, ingress before egress: cheap to compare,
   * so that an update renders only the chains that change ({@link #statements}).
   */
  static Map<String, List<Rule>> of(HostPolicy policy) {
    Map<PolicyDirection, Set<PolicyName>> applied = new EnumMap<>(PolicyDirection.class);
    for (PolicyDirection direction : PolicyDirection.values()) {
      Set<PolicyName> names = new HashSet<>();
      policy.endpoints().forEach(endpoint -> names.addAll(direction.applied(endpoint)));
      applied.put(direction, names);
    }
    Map<String, List<Rule>> chains = new LinkedHashMap<>();
    for (PolicyRules rulesOf : policy.policies()) {
      for (PolicyDirection direction : PolicyDirection.values()) {
        if (applied.get(direction).contains(rulesOf.name())) {
          chains.put(direction.policyChain(rulesOf.name()), direction.rules(rulesOf));
        }
      }
    }
    return chains;
  }

  /** The policies by name, for the list chains to ask whether one passes. */
  static Map<PolicyName, PolicyRules> byName(HostPolicy policy) {
    return policy.policies().stream().collect(Collectors.toMap(PolicyRules::name, Function.identity()));
  }

  /** The statements of the policy chain {@code chain} that holds {@code policyRules}. */
  static List<String> statements(List<Rule> policyRules, RuleLines rules, String chain) {
    return policyRules.stream().flatMap(rule -> rules.render(rule, RuleVerdicts.POLICY, chain).stream()).toList();
  }
}
