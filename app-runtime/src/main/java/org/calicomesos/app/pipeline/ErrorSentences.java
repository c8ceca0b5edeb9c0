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
}
