package org.calicomesos.ports.policy.selector;

import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.Excerpt;

/**
 * A label selector could not be parsed. The message is one sentence, {@code selector "<excerpt>" is not valid:
 * <problem>}; a caller that knows which field held the selector rewords it with {@link #describe(String)}.
 */
public final class InvalidSelectorException extends CalicoMesosException {
  private final String excerpt;
  private final String problem;

  // Package-private: every problem text is built by the parser from excerpts, so it stays one printable sentence.
  InvalidSelectorException(String selector, String problem) {
    super(sentence("selector", Excerpt.of(selector), problem));
    this.excerpt = Excerpt.of(selector);
    this.problem = problem;
  }

  /** What is wrong and where, e.g. {@code expected a quoted value after '==' at character 8}. */
  public String problem() {
    return problem;
  }

  /** The message with {@code field} in place of the word "selector", e.g. {@code spec.ingress[0].source.selector}. */
  public String describe(String field) {
    return sentence(field, excerpt, problem);
  }

  private static String sentence(String field, String excerpt, String problem) {
    return field + " \"" + excerpt + "\" is not valid: " + problem;
  }
}
