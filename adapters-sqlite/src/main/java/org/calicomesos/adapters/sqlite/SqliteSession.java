package org.calicomesos.adapters.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;

/**
 * The store's one connection, shared by its threads one transaction at a time. Every wait is bounded:
 * for this lock by the busy timeout, for SQLite's file lock by the same timeout set on the connection.
 */
final class SqliteSession implements AutoCloseable {
  private final Connection connection;
  private final String datastore;
  private final Duration busyTimeout;
  // Fair, so that no thread of a busy agent waits out its timeout behind the others.
  private final ReentrantLock lock = new ReentrantLock(true);
  private boolean closed;

  SqliteSession(Connection connection, String datastore, Duration busyTimeout) {
    this.connection = connection;
    this.datastore = datastore;
    this.busyTimeout = busyTimeout;
  }

  /** Work done on the tables inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(SqliteTables tables) throws SQLException;
  }

  /** Runs {@code work} as one statement outside any transaction (SQLite reads one snapshot for it). */
  <T> T single(String action, Work<T> work) {
    return locked(action, () -> work.run(new SqliteTables(connection)));
  }

  /** Runs {@code work} in a read transaction: every statement in it sees the same WAL snapshot. */
  <T> T read(String action, Work<T> work) {
    return locked(action, () -> inTransaction("BEGIN DEFERRED", work));
  }

  /**
   * Runs {@code work} in a write transaction. BEGIN IMMEDIATE takes the write lock up front: a read
   * transaction upgraded later fails at once with SQLITE_BUSY instead of waiting.
   */
  <T> T write(String action, Work<T> work) {
    return locked(action, () -> inTransaction("BEGIN IMMEDIATE", work));
  }

  @Override
  public void close() {
    lock.lock(); // the last operation finishes first; each is bounded by the busy timeout
    try {
      if (!closed) {
        closed = true;
        connection.close();
      }
    } catch (SQLException e) {
      throw SqliteFailures.translate(datastore, "close the database", e);
    } finally {
      lock.unlock();
    }
  }

  /** Rolls back after {@code failure}, keeping a rollback failure as suppressed so the first one shows. */
  static void rollbackQuietly(Connection connection, Exception failure) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); nothing is left open.
      failure.addSuppressed(e);
    }
  }

  private <T> T inTransaction(String begin, Work<T> work) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(begin);
      try {
        T result = work.run(new SqliteTables(connection));
        statement.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    }
  }

  private <T> T locked(String action, SqlCall<T> call) {
    try {
      if (!lock.tryLock(busyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new DatastoreUnavailableException(datastore,
            "cannot " + action + ": other threads of this process held the database for " + busyTimeout, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatastoreUnavailableException(datastore, "cannot " + action + ": interrupted", e);
    }
    try {
      if (closed) {
        throw new DatastoreException("cannot " + action + ": " + datastore + " is closed");
      }
      return call.run();
    } catch (SQLException e) {
      throw SqliteFailures.translate(datastore, action, e);
    } finally {
      lock.unlock();
    }
  }

  /** A JDBC call that may fail with SQLException. */
  @FunctionalInterface
  private interface SqlCall<T> {
    T run() throws SQLException;
  }
}
