package org.calicomesos.adapters.sqlite;

import java.nio.file.Path;

/**
 * Measures what the embedded store adds to a per-request process: one open, get and close in a fresh
 * JVM. Run it by hand (see the adapter's report); prints the milliseconds to stderr, as the plugin
 * keeps stdout for its response. Argument: the database file.
 */
final class SqliteStartupProbe {
  private SqliteStartupProbe() {}

  public static void main(String[] args) {
    long started = System.nanoTime();
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(Path.of(args[0]))) {
      store.get("/calico/v1/ipam/v4/pool/probe");
    }
    System.err.printf("open+get+close %.1f ms%n", (System.nanoTime() - started) / 1e6);
  }
}
