package org.calicomesos.ports.policy.rule;

import org.calicomesos.ports.CalicoMesosException;

/**
 * A policy, profile rule or one of their fields failed validation; nothing was written. The message is one sentence
 * that starts with the field's path ({@code spec.ingress[0].protocol …}); a parser that reads a nested field builds
 * the path with {@link #within}.
 */
public final class InvalidPolicyException extends CalicoMesosException {
  private final String field;
  private final String problem;

  /** @param problem what is wrong, as the rest of a sentence that starts with the field: "must be a port, not 70000" */
  public InvalidPolicyException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The same problem, its field read inside {@code parent}: {@code spec.ingress[0]} and {@code protocol}. */
  public InvalidPolicyException within(String parent) {
    return new InvalidPolicyException(parent.isEmpty() ? field : parent + "." + field, problem);
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
