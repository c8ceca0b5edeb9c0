package org.calicomesos.app.pipeline;

import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.CalicoMesosException;

/**
 * Turns a failure into the one sentence a Mesos operator reads in the agent log. Our own error types
 * already carry that sentence (and never secrets); anything else is a bug, reported by its type with a
 * pointer to the log, where its stack trace is.
 */
public final class ErrorSentences {
  private ErrorSentences() {}

  /** @param logLocation where the stack trace was logged (the log file, or "stderr") */
  public static String describe(Throwable failure, String logLocation) {
    if (failure instanceof CalicoMesosException && failure.getMessage() != null) {
      return failure.getMessage();
    }
    String message = failure.getMessage() == null ? "" : ": " + Excerpt.of(failure.getMessage());
    return "internal error (" + failure.getClass().getSimpleName() + ")" + message + "; see " + logLocation;
  }

  /**
   * {@code sentence} as a protocol's error carries it: one line, control characters and runs of white space folded
   * into one space, at most {@code maxChars} long (cut with "...").
   */
  public static String oneLine(String sentence, int maxChars) {
    String text = sentence == null || sentence.isBlank() ? "unknown error" : sentence;
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (out.length() >= maxChars && text.length() > maxChars) {
      out.setLength(maxChars - 3);
      out.append("...");
    }
    return out.toString();
  }
}
