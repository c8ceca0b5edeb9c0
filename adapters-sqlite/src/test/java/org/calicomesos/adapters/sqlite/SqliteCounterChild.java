package org.calicomesos.adapters.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.WriteOutcome;

/**
 * A separate process for {@link SqliteMultiProcessTest}: adds {@code n} to the counter at {@code key}
 * with compare-and-swap, retrying each lost compare, as a per-request plugin process would.
 * Arguments: database file, key, n, and a file whose appearance starts all children at once.
 * Exit status 0 when all increments landed.
 */
final class SqliteCounterChild {
  private SqliteCounterChild() {}

  public static void main(String[] args) throws InterruptedException {
    Path file = Path.of(args[0]);
    String key = args[1];
    int increments = Integer.parseInt(args[2]);
    awaitStart(Path.of(args[3]));
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(file)) {
      for (int i = 0; i < increments; i++) {
        increment(store, key);
      }
    } catch (RuntimeException e) {
      e.printStackTrace(); // stderr: the parent shows it when the exit status is not 0
      System.exit(1);
    }
  }

  /** JVMs start at different speeds; without a common start they might not overlap at all. */
  private static void awaitStart(Path go) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!Files.exists(go) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static void increment(SqliteKeyValueStore store, String key) {
    WriteOutcome outcome = store.create(key, "1");
    while (!outcome.landed()) {
      Entry current = outcome instanceof WriteOutcome.Conflict conflict
          ? conflict.current()
          : store.get(key).orElseThrow();
      outcome = store.update(key, String.valueOf(Long.parseLong(current.value()) + 1), current.revision());
    }
  }
}
