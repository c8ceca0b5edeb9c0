package org.calicomesos.app.admin.profile;

import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.policy.rule.PolicyType;

/** {@code inbound} or {@code outbound} on the command line: a profile's words for Calico's Ingress and Egress. */
final class RuleDirection {
  private RuleDirection() {}

  static PolicyType parse(String text) {
    return switch (String.valueOf(text)) {
      case "inbound" -> PolicyType.INGRESS;
      case "outbound" -> PolicyType.EGRESS;
      default -> throw new InvalidRequestException("DIRECTION must be inbound or outbound, not '" + text + "'");
    };
  }

  static String word(PolicyType direction) {
    return direction == PolicyType.INGRESS ? "inbound" : "outbound";
  }
}
