package org.calicomesos.ports.policy;

import java.util.List;
import org.calicomesos.ports.kv.WatchEvent;

/**
 * The agent's policy work (its threads, watch and back-off live in the agent): keep a model of every endpoint
 * and profile in the datastore, and have this host's part of it enforced. Not thread-safe: one caller.
 */
public interface SyncPolicyUseCase {

  /** The key prefix whose changes {@link #absorb} must see. */
  String watchedPrefix();

  /**
   * Reads everything under {@link #watchedPrefix()} afresh, replaces the model with it and enforces it.
   *
   * @return the revision of that read, for a watch to continue from
   */
  long resync();

  /** Takes in changes a watch saw, in order; keys that do not concern policy are ignored. Enforces nothing. */
  void absorb(List<WatchEvent> events);

  /**
   * Enforces the model if this host's policy changed since it last was.
   *
   * @return whether anything was applied
   * @throws PolicyApplyException when the kernel refused; the next call tries again
   */
  boolean enforcePending();
}
