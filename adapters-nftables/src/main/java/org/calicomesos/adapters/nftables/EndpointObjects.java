package org.calicomesos.adapters.nftables;

import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.ProfileRule;

/**
 * What one endpoint puts in our table, as nft text both the whole-table script and an update use: the statements
 * of its two chains (the allow rules, then {@code drop}), its (interface . address) source elements per family,
 * and its elements of the two verdict maps.
 */
final class EndpointObjects {
  private EndpointObjects() {}

  /** {@code from_<interface>}: the outbound rules of every profile, in order, then drop. */
  static List<String> fromStatements(EndpointPolicy endpoint, RuleLines rules) {
    List<String> statements = new ArrayList<>();
    endpoint.profiles().forEach(profile -> add(statements, profile.outbound(), rules));
    statements.add("drop");
    return statements;
  }

  /** {@code to_<interface>}: the inbound rules of every profile, in order, then drop. */
  static List<String> toStatements(EndpointPolicy endpoint, RuleLines rules) {
    List<String> statements = new ArrayList<>();
    endpoint.profiles().forEach(profile -> add(statements, profile.inbound(), rules));
    statements.add("drop");
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

  private static void add(List<String> statements, List<ProfileRule> profileRules, RuleLines rules) {
    profileRules.forEach(rule -> statements.addAll(rules.render(rule)));
  }
}
