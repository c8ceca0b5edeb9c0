package org.calicomesos.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;

/** Which policies apply to an endpoint in one direction, in the order they are evaluated. */
public final class PolicyOrder {
  private PolicyOrder() {}

  /**
   * @param policies every policy, sorted by {@link NetworkPolicy#EVALUATION_ORDER}
   * @param labels the endpoint's labels as {@link EndpointLabels#effective} builds them
   */
  public static List<PolicyName> applying(List<NetworkPolicy> policies, Map<String, String> labels, PolicyType type) {
    List<PolicyName> applying = new ArrayList<>();
    for (NetworkPolicy policy : policies) {
      if (policy.appliesTo(type) && policy.selector().matches(labels)) {
        applying.add(policy.name());
      }
    }
    return applying;
  }
}
