package org.calicomesos.app.config;

import java.util.Objects;

/** The datastore to use and why it was chosen (named variable or default rule), for messages and logs. */
public record DatastoreChoice(DatastoreKind kind, String reason) {
  public DatastoreChoice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
