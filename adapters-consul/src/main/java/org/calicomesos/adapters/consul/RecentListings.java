package org.calicomesos.adapters.consul;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.calicomesos.ports.kv.Listing;

/**
 * The last listing this store returned per prefix. Consul keeps no history, so a watch from a past
 * revision can replay deletes only if it knows the state at that revision; a consistent listing read at
 * exactly that revision is such a proof (the usual list-then-watch pattern).
 */
final class RecentListings {
  private static final int LIMIT = 64;
  private final ConcurrentMap<String, Listing> byPrefix = new ConcurrentHashMap<>();

  void remember(String prefix, Listing listing) {
    if (byPrefix.size() >= LIMIT) {
      byPrefix.clear(); // a cache of proofs, not state: forgetting only costs a watch its replay
    }
    byPrefix.put(prefix, listing);
  }

  /** The state under {@code prefix} at exactly {@code revision}, if a remembered listing covers it. */
  Optional<Listing> at(String prefix, long revision) {
    return byPrefix.entrySet().stream()
        .filter(e -> prefix.startsWith(e.getKey()) && e.getValue().revision() == revision)
        .findFirst()
        .map(e -> new Listing(e.getValue().entries().stream().filter(entry -> entry.key().startsWith(prefix)).toList(),
            revision));
  }
}
