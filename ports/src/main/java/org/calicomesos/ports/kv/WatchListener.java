package org.calicomesos.ports.kv;

import java.util.List;

/** Receives a watch's changes, in revision order, on a thread the adapter owns. */
public interface WatchListener {

  /** Changes under the watched prefix, oldest first; never empty. */
  void onEvents(List<WatchEvent> events);

  /**
   * The store no longer holds history back to the requested revision; changes were lost and the
   * listener must resynchronise with a fresh {@link KeyValueStore#list}. The watch has ended.
   */
  void onCompacted(long oldestAvailableRevision);

  /** The watch failed and has ended; the listener may start a new one. */
  void onError(DatastoreException error);
}
