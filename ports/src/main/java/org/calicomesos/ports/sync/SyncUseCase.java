package org.calicomesos.ports.sync;

import java.util.List;
import org.calicomesos.ports.kv.WatchEvent;

/**
 * One piece of the agent's work that mirrors part of the datastore into this host's kernel (policy, routes). The
 * agent's one following loop drives every such piece the same way: {@link #resync}, watch
 * {@link #watchedPrefixes} from the revision it returned, {@link #absorb} each burst of changes, then
 * {@link #enforcePending}. Not thread-safe: one caller.
 */
public interface SyncUseCase {
  /** The key prefixes whose changes {@link #absorb} must see; each is watched on its own. */
  List<String> watchedPrefixes();

  /**
   * Reads everything under {@link #watchedPrefixes()} afresh, replaces the model with it and enforces it.
   *
   * @return a revision every prefix's watch may continue from: the lowest of the listings', so nothing is missed
   *     (a change seen twice is harmless: each puts or deletes a whole record)
   * @throws org.calicomesos.ports.dataplane.DataplaneException when the kernel refused; the model is read
   */
  long resync();

  /** Takes in changes a watch saw, in order; keys that do not concern this model are ignored. Enforces nothing. */
  void absorb(List<WatchEvent> events);

  /**
   * Enforces the model if what it asks of this host changed since it last was.
   *
   * @return whether anything was applied
   * @throws org.calicomesos.ports.dataplane.DataplaneException when the kernel refused; the next call tries again
   */
  boolean enforcePending();
}
