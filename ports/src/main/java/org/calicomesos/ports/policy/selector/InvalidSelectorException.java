package org.calicomesos.ports.policy.selector;

import org.calicomesos.ports.CalicoMesosException;

/** PLACEHOLDER. */
public final class InvalidSelectorException extends CalicoMesosException {
  private final String problem;
  private final String selector;

  public InvalidSelectorException(String selector, String problem) {
    super("selector \"" + selector + "\" is not valid: " + problem);
    this.selector = selector;
    this.problem = problem;
  }

  public String problem() {
    return problem;
  }

  public String describe(String field) {
    return field + " \"" + selector + "\" is not valid: " + problem;
  }
}
