package org.calicomesos.app.agent;

import org.calicomesos.ports.gc.CollectionReport;

/** Hears each of the agent's collections, for its metrics. Called on the collector's thread; must not throw. */
public interface CollectionObserver {
  /** A collection finished: what it found and freed. */
  void collected(CollectionReport report);

  /** A collection failed (the datastore, the kernel); the next one starts afresh. */
  void collectionFailed(Throwable failure);
}
