package org.calicomesos.core.ipam;

/**
 * A host's claim on a block. Claims are two-phase (pending, then confirmed once the block exists and
 * names the host), so a claim that lost its race or was cut short is never mistaken for ownership.
 */
record Affinity(State state) {
  /** Where a claim stands. */
  enum State { PENDING, CONFIRMED }

  static final Affinity PENDING = new Affinity(State.PENDING);
  static final Affinity CONFIRMED = new Affinity(State.CONFIRMED);
}
