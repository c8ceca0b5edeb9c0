package org.calicomesos.ports.kv;

import java.util.List;

/**
 * Entries under a prefix in key order, all read at one store {@code revision}: the store's revision at
 * read time (deletes included), so a watch started after it misses no change.
 */
public record Listing(List<Entry> entries, long revision) {
  public Listing {
    entries = List.copyOf(entries);
  }
}
