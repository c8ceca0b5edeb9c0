package org.calicomesos.ports.kv;

import java.util.Optional;

/** One change seen by a watch: a put (create or update) carries the new value, a delete none. */
public record WatchEvent(Type type, String key, Optional<String> value, long revision) {
  /** Kind of change. */
  public enum Type { PUT, DELETE }

  public static WatchEvent put(Entry entry) {
    return new WatchEvent(Type.PUT, entry.key(), Optional.of(entry.value()), entry.revision());
  }

  public static WatchEvent delete(String key, long revision) {
    return new WatchEvent(Type.DELETE, key, Optional.empty(), revision);
  }
}
