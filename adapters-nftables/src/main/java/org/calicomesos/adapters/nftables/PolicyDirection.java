package org.calicomesos.adapters.nftables;

import java.util.List;
import java.util.function.Function;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * A direction network policies apply in, with what belongs to it: ingress for traffic to an endpoint (its
 * {@code to_} chain), egress for traffic from it ({@code from_}).
 */
enum PolicyDirection {
  INGRESS(EndpointPolicy::ingressPolicies, PolicyRules::ingress, NftNames::ingressPolicyChain,
      NftNames::ingressListChain),
  EGRESS(EndpointPolicy::egressPolicies, PolicyRules::egress, NftNames::egressPolicyChain, NftNames::egressListChain);

  private final Function<EndpointPolicy, List<PolicyName>> applied;
  private final Function<PolicyRules, List<Rule>> rules;
  private final Function<PolicyName, String> policyChain;
  private final Function<List<PolicyName>, String> listChain;

  PolicyDirection(Function<EndpointPolicy, List<PolicyName>> applied, Function<PolicyRules, List<Rule>> rules,
      Function<PolicyName, String> policyChain, Function<List<PolicyName>, String> listChain) {
    this.applied = applied;
    this.rules = rules;
    this.policyChain = policyChain;
    this.listChain = listChain;
  }

  /** The policies {@code endpoint} applies in this direction, in order. */
  List<PolicyName> applied(EndpointPolicy endpoint) {
    return applied.apply(endpoint);
  }

  /** A policy's rules of this direction. */
  List<Rule> rules(PolicyRules policy) {
    return rules.apply(policy);
  }

  /** The chain of a policy's rules of this direction ({@link PolicyChains}). */
  String policyChain(PolicyName policy) {
    return policyChain.apply(policy);
  }

  /** The chain that runs {@code policies} in this direction in order ({@link PolicyListChains}). */
  String listChain(List<PolicyName> policies) {
    return listChain.apply(policies);
  }
}
