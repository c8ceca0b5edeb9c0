package org.calicomesos.ports.policy.rule;

import java.util.Locale;
import org.calicomesos.ports.model.Excerpt;

/**
 * What a matching rule does. {@code ALLOW} and {@code DENY} end evaluation; {@code LOG} logs the packet and goes on
 * to the next rule; {@code PASS} skips the remaining policies and hands the packet to the endpoint's profiles.
 */
public enum RuleAction {
  ALLOW,
  DENY,
  LOG,
  PASS;

  /** {@code allow}, {@code deny}, {@code log} or {@code pass}, in any case (Calico v3 writes {@code Allow}). */
  public static RuleAction parse(String field, String text) {
    for (RuleAction action : values()) {
      if (action.keyword().equalsIgnoreCase(text)) {
        return action;
      }
    }
    throw new InvalidPolicyException(field, "must be allow, deny, log or pass, not '" + Excerpt.of(String.valueOf(text))
        + "'");
  }

  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return keyword();
  }
}
