package org.calicomesos.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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

  private static String pragma(Connection connection, String name) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }
}
