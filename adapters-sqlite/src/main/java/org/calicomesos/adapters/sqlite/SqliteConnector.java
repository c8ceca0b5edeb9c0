package org.calicomesos.adapters.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/** Opens the one connection a store uses, straight through sqlite-jdbc (no DriverManager lookup). */
final class SqliteConnector {
  private SqliteConnector() {}

  /** A connection to the existing {@code file} with the store's pragmas applied and its schema in place. */
  static Connection open(Path file, Duration busyTimeout, String datastore) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(Math.toIntExact(busyTimeout.toMillis()));
    // SqliteStoreFile created the file with its mode; never let SQLite create one with another.
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    Connection connection = source.getConnection();
    try {
      prepareWithinTimeout(connection, busyTimeout, datastore);
      return connection;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Applies the pragmas and the schema, again while SQLite answers BUSY and the busy timeout lasts. The
   * switch of a fresh file to WAL upgrades a read lock to a write lock, and SQLite refuses that at once
   * (its busy handler would deadlock) when another connection is making the same switch.
   */
  private static void prepareWithinTimeout(Connection connection, Duration busyTimeout, String datastore)
      throws SQLException {
    long deadline = System.nanoTime() + busyTimeout.toNanos();
    long pauseMillis = 1;
    while (true) {
      try {
        applyPragmas(connection, datastore);
        SqliteSchema.ensure(connection, datastore);
        return;
      } catch (SQLException e) {
        if (!SqliteFailures.isBusy(e) || System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
          throw e;
        }
      }
      sleep(pauseMillis);
      pauseMillis = Math.min(pauseMillis * 2, 50);
    }
  }

  private static void sleep(long millis) throws SQLException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the database lock", e);
    }
  }

  private static void applyPragmas(Connection connection, String datastore) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // WAL lets readers in other processes go on while one writes; the mode is stored in the file.
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
        String actual = mode.next() ? mode.getString(1) : "unknown";
        if (!"wal".equalsIgnoreCase(actual)) {
          throw new SQLException("cannot switch " + datastore + " to WAL journal mode: it stayed " + actual);
        }
      }
      // FULL syncs the WAL at every commit: an acknowledged allocation survives a power cut.
      statement.execute("PRAGMA synchronous = FULL");
    }
  }
}
