package org.calicomesos.ports.policy.rule;

import java.util.Locale;
import org.calicomesos.ports.model.Excerpt;

/** A direction a policy applies in: {@code INGRESS} is traffic to its endpoints, {@code EGRESS} traffic from them. */
public enum PolicyType {
  INGRESS,
  EGRESS;

  /** {@code Ingress} or {@code Egress}, in any case. */
  public static PolicyType parse(String field, String text) {
    for (PolicyType type : values()) {
      if (type.name().equalsIgnoreCase(String.valueOf(text).strip())) {
        return type;
      }
    }
    throw new InvalidPolicyException(field, "must be Ingress or Egress, not '" + Excerpt.of(String.valueOf(text))
        + "'");
  }

  /** {@code Ingress}, {@code Egress}, as Calico v3 writes them. */
  public String keyword() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return keyword();
  }
}
