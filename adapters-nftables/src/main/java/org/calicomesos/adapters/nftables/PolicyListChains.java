package org.calicomesos.adapters.nftables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;

/**
 * The chains that run the network policies of an endpoint's direction, one per distinct ordered list of policies
 * ({@code pli_…}, {@code ple_…}) and shared by every endpoint with that list: the endpoints of one application carry
 * the same labels, so the same policies, and rendering their sequence once keeps the table small.
 *
 * <p>A list chain holds, for each policy in order, a jump to the policy's chain ({@link PolicyChains}) and a return
 * for what it allowed; a policy after one that can pass is skipped once a packet passed. A {@code return} here goes
 * back to the endpoint chain, not out of it, so the list leaves its decision in the marks ({@link PolicyMarks}) as the
 * policy chains do: allowed, passed, or neither when no policy decided. The endpoint chain acts on it
 * ({@link EndpointObjects}).
 */
final class PolicyListChains {
  private PolicyListChains() {}

  /**
   * Every list chain some endpoint jumps to, by name, with its statements: ingress lists before egress ones, each in
   * the order of the first endpoint that has it. The statements depend on which policies can pass, so an update
   * compares them to refill a list whose policies came to pass or stopped.
   */
  static Map<String, List<String>> of(HostPolicy policy) {
    Map<PolicyName, PolicyRules> policies = PolicyChains.byName(policy);
    Map<String, List<String>> chains = new LinkedHashMap<>();
    for (PolicyDirection direction : PolicyDirection.values()) {
      for (EndpointPolicy endpoint : policy.endpoints()) {
        List<PolicyName> applied = direction.applied(endpoint);
        if (!applied.isEmpty()) {
          chains.computeIfAbsent(direction.listChain(applied), chain -> statements(direction, applied, policies));
        }
      }
    }
    return chains;
  }

  private static List<String> statements(PolicyDirection direction, List<PolicyName> applied,
      Map<PolicyName, PolicyRules> policies) {
    List<String> statements = new ArrayList<>();
    boolean mayHavePassed = false;
    for (PolicyName name : applied) {
      String jump = "jump " + direction.policyChain(name);
      statements.add(mayHavePassed ? PolicyMarks.unlessPassed(jump) : jump);
      statements.add(PolicyMarks.backIfAllowed());
      mayHavePassed |= policies.get(name).passes();
    }
    return statements;
  }
}
