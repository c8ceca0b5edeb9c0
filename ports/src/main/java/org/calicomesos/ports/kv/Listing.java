package org.calicomesos.ports.kv;

import java.util.List;

/** Entries under a prefix in key order, all read at one store {@code revision} (a watch may start after it). */
public record Listing(List<Entry> entries, long revision) {
  public Listing {
    entries = List.copyOf(entries);
  }
}
