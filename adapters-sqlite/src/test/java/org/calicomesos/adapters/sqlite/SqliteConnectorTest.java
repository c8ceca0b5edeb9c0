package org.calicomesos.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection a store works on is durable and lets other processes read while it writes. */
class SqliteConnectorTest {
  @TempDir Path dir;

  @Test
  void theConnectionUsesWalWithFullSyncAndTheCurrentSchema() throws Exception {
    Path file = Files.createFile(dir.resolve("store.db"));

    try (Connection connection = SqliteConnector.open(file, Duration.ofSeconds(1), "sqlite at " + file)) {
      assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(connection, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(connection, "busy_timeout")).isEqualTo("1000");
      assertThat(pragma(connection, "user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION));
    }
  }

  @Test
  void connectionsOpeningOneNewFileAtOnceAllSucceed() throws Exception {
    // Switching a fresh file to WAL takes an exclusive lock; SQLite answers BUSY without waiting when two
    // connections that both read the header race for it, so the open must wait its turn itself.
    int openers = 8;
    for (int round = 0; round < 60; round++) {
      Path file = Files.createFile(dir.resolve("store-" + round + ".db"));
      ExecutorService pool = Executors.newFixedThreadPool(openers);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < openers; i++) {
          opened.add(pool.submit(() -> {
            start.await();
            try (Connection connection = SqliteConnector.open(file, Duration.ofSeconds(5), "sqlite at " + file)) {
              return pragma(connection, "journal_mode");
            }
          }));
        }
        start.countDown();
        for (Future<String> mode : opened) {
          assertThat(mode.get(30, TimeUnit.SECONDS)).isEqualTo("wal");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String pragma(Connection connection, String name) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }
}
