package org.calicomesos.ports.kv;

import java.util.Objects;

/**
 * One key with its value and the store's revision of its last change (etcd {@code mod_revision},
 * Consul {@code ModifyIndex}). Revisions are positive and grow with every write to the store.
 */
public record Entry(String key, String value, long revision) {
  public Entry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (revision <= 0) {
      throw new IllegalArgumentException("revision must be positive, got " + revision);
    }
  }
}
