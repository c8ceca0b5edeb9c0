package org.calicomesos.adapters.nftables;

import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.Rule;

/**
 * What one endpoint puts in our table, as nft text both the whole-table script and an update use: the statements
 * of its two chains, its (interface . address) source elements per family, and its elements of the two verdict maps.
 *
 * <p>A chain is: when policies apply in its direction, a jump to the chain of its list of policies
 * ({@link PolicyListChains}), which it shares with the endpoints that have the same list, then the list's decision
 * acted on: allowed returns, neither allowed nor passed drops (the policies applied and none allowed it), passed goes
 * on. Then, inbound only, the admission of mapped ports ({@link NatObjects#admissions}), after the policies so that a
 * policy can narrow a mapping; then the profiles' rules in order; then drop. The mark bits are as {@link PolicyMarks}
 * has them. The chain does not depend on the policies' rules, so a policy that changes leaves it alone.
 */
final class EndpointObjects {
  private EndpointObjects() {}

  /** {@code from_<interface>}: egress policies, then the outbound rules of every profile, then drop. */
  static List<String> fromStatements(EndpointPolicy endpoint, RuleLines rules) {
    String chain = NftNames.fromChain(endpoint.hostInterface());
    List<String> statements = policyDecision(PolicyDirection.EGRESS, endpoint);
    endpoint.profiles().forEach(profile -> add(statements, profile.outbound(), rules, chain));
    statements.add("drop");
    return statements;
  }

  /** {@code to_<interface>}: ingress policies, mapped ports, the inbound rules of every profile, then drop. */
  static List<String> toStatements(EndpointPolicy endpoint, RuleLines rules) {
    String chain = NftNames.toChain(endpoint.hostInterface());
    List<String> statements = policyDecision(PolicyDirection.INGRESS, endpoint);
    statements.addAll(NatObjects.admissions());
    for (ProfilePolicy profile : endpoint.profiles()) {
      add(statements, profile.inbound(), rules, chain);
    }
    statements.add("drop");
    return statements;
  }

  /**
   * The jump to the endpoint's list of policies of {@code direction} and what follows from the marks it leaves; the
   * pass bit is cleared whether or not a policy of the list can pass, so that the chain stays as it is when one
   * comes to pass.
   */
  private static List<String> policyDecision(PolicyDirection direction, EndpointPolicy endpoint) {
    List<String> statements = new ArrayList<>();
    List<PolicyName> applied = direction.applied(endpoint);
    if (!applied.isEmpty()) {
      statements.add(PolicyMarks.clearBoth());
      statements.add("jump " + direction.listChain(applied));
      statements.add(PolicyMarks.returnIfAllowed());
      // End of policies: deny, unless a policy passed the packet to the profiles.
      statements.add(PolicyMarks.unlessPassed("drop"));
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
