package org.calicomesos.app.metrics;

import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;

/** The {@code kind} of a datastore failure, found in a failure or its causes; anything else is not one. */
final class DatastoreFailures {
  static final String UNAVAILABLE = "unavailable";
  static final String CORRUPT_VALUE = "corrupt_value";
  static final String OTHER = "other";
  static final List<String> KINDS = List.of(UNAVAILABLE, CORRUPT_VALUE, OTHER);

  private static final int MAX_CAUSES = 16; // a cause chain is short; this only guards against a cycle

  private DatastoreFailures() {}

  static Optional<String> kindOf(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      if (cause instanceof DatastoreUnavailableException) {
        return Optional.of(UNAVAILABLE);
      }
      if (cause instanceof CorruptValueException) {
        return Optional.of(CORRUPT_VALUE);
      }
      if (cause instanceof DatastoreException) {
        return Optional.of(OTHER);
      }
    }
    return Optional.empty();
  }
}
