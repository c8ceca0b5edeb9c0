package org.calicomesos.adapters.sqlite;

import java.util.List;
import org.calicomesos.ports.kv.WatchEvent;

/** One poll of the events table: the events read, and the newest revision whose event is gone. */
record SqliteEventPage(long compacted, List<WatchEvent> events) {
  SqliteEventPage {
    events = List.copyOf(events);
  }
}
