package org.calicomesos.adapters.nftables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * What one endpoint puts in our table, as nft text both the whole-table script and an update use: the statements
 * of its two chains, its (interface . address) source elements per family, and its elements of the two verdict maps.
 *
 * <p>A chain is: the policies of its direction, if any, each a jump to the policy's chain ({@link PolicyChains})
 * followed by a return for what it allowed; a policy after one that can pass is skipped once a packet passed; after
 * the last, a packet no policy passed is dropped (the policies applied and none allowed it). Then, inbound only,
 * the admission of mapped ports ({@link NatObjects#admissions}), after the policies so that a policy can narrow a
 * mapping; then the profiles' rules in order; then drop. The mark bits are as {@link PolicyMarks} has them.
 */
final class EndpointObjects {
  private EndpointObjects() {}

  /** {@code from_<interface>}: egress policies, then the outbound rules of every profile, then drop. */
  static List<String> fromStatements(EndpointPolicy endpoint, Map<PolicyName, PolicyRules> policies,
      RuleLines rules) {
    String chain = NftNames.fromChain(endpoint.hostInterface());
    List<String> statements = policyJumps(endpoint.egressPolicies(), policies, NftNames::egressPolicyChain);
    endpoint.profiles().forEach(profile -> add(statements, profile.outbound(), rules, chain));
    statements.add("drop");
    return statements;
  }

  /** {@code to_<interface>}: ingress policies, mapped ports, the inbound rules of every profile, then drop. */
  static List<String> toStatements(EndpointPolicy endpoint, Map<PolicyName, PolicyRules> policies, RuleLines rules) {
    String chain = NftNames.toChain(endpoint.hostInterface());
    List<String> statements = policyJumps(endpoint.ingressPolicies(), policies, NftNames::ingressPolicyChain);
    statements.addAll(NatObjects.admissions());
    for (ProfilePolicy profile : endpoint.profiles()) {
      add(statements, profile.inbound(), rules, chain);
    }
    statements.add("drop");
    return statements;
  }

  private static List<String> policyJumps(List<PolicyName> applied, Map<PolicyName, PolicyRules> policies,
      Function<PolicyName, String> chainOf) {
    List<String> statements = new ArrayList<>();
    if (applied.isEmpty()) {
      return statements;
    }
    statements.add(PolicyMarks.clearBoth());
    boolean mayHavePassed = false;
    for (PolicyName name : applied) {
      String jump = "jump " + chainOf.apply(name);
      statements.add(mayHavePassed ? PolicyMarks.unlessPassed(jump) : jump);
      statements.add(PolicyMarks.returnIfAllowed());
      mayHavePassed |= policies.get(name).passes();
    }
    // End of policies: deny, unless a policy passed the packet to the profiles.
    statements.add(PolicyMarks.unlessPassed("drop"));
    if (mayHavePassed) {
      statements.add(PolicyMarks.clearPassed());
    }
    return statements;
  }

  /** {@code "cali…" . 198.18.0.1}: one element per value of each address of {@code family}, without repeats. */
  static List<String> sourcePairs(EndpointPolicy endpoint, NftFamily family) {
    return endpoint.addresses().stream().filter(address -> NftFamily.of(address) == family)
        .flatMap(address -> NftAddresses.values(address).stream())
        .distinct()
        .map(value -> NftNames.quoted(endpoint.hostInterface()) + " . " + value)
        .toList();
  }

  static String fromVerdict(EndpointPolicy endpoint) {
    return NftNames.quoted(endpoint.hostInterface()) + " : jump " + NftNames.fromChain(endpoint.hostInterface());
  }

  static String toVerdict(EndpointPolicy endpoint) {
    return NftNames.quoted(endpoint.hostInterface()) + " : jump " + NftNames.toChain(endpoint.hostInterface());
  }

  private static void add(List<String> statements, List<Rule> profileRules, RuleLines rules, String chain) {
    profileRules.forEach(rule -> statements.addAll(rules.render(rule, RuleVerdicts.PROFILE, chain)));
  }
}
