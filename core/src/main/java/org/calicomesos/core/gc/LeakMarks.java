package org.calicomesos.core.gc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When this host's collector first saw each candidate it still sees, by the candidate's key. Kept in the datastore
 * (one record per host), so that an agent restart or an operator's {@code gc} does not start a grace over.
 */
record LeakMarks(Map<String, Instant> since) {
  static final LeakMarks NONE = new LeakMarks(Map.of());

  LeakMarks {
    since = Map.copyOf(since);
  }

  Optional<Instant> since(String key) {
    return Optional.ofNullable(since.get(key));
  }

  /**
   * The marks of a collection that saw {@code seen} at {@code now} (each first seen when this record or {@code now}
   * says, whichever is earlier) and freed {@code freed}: every other mark is dropped, since what it marked is alive or
   * gone.
   */
  LeakMarks after(Map<String, Instant> seen) {
    Map<String, Instant> next = new LinkedHashMap<>();
    seen.forEach((key, at) -> next.put(key, since(key).filter(s -> s.isBefore(at)).orElse(at)));
    return new LeakMarks(next);
  }
}
