package org.calicomesos.ports.policy;

import org.calicomesos.ports.model.PolicyName;

/** What {@code policy apply} did with one policy. */
public record PolicyWrite(PolicyName name, Outcome outcome) {
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }
}
