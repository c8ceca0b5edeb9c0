package org.calicomesos.core.cas;

/**
 * What one pass of a {@link CasLoop} decided from the value it read: write a new value, delete the key,
 * or leave it as it is. {@code result} is what the loop returns once the step has landed.
 */
public sealed interface Step<V, T> {

  /** Write {@code value} (create when the key was absent, else update at the revision read). */
  record Put<V, T>(V value, T result) implements Step<V, T> {}

  /** Delete the key at the revision read (the key must have been present). */
  record Remove<V, T>(T result) implements Step<V, T> {}

  /** Nothing to write. */
  record Keep<V, T>(T result) implements Step<V, T> {}

  static <V, T> Step<V, T> put(V value, T result) {
    return new Put<>(value, result);
  }

  static <V, T> Step<V, T> remove(T result) {
    return new Remove<>(result);
  }

  static <V, T> Step<V, T> keep(T result) {
    return new Keep<>(result);
  }
}
