package org.calicomesos.adapters.sqlite;

import java.sql.SQLException;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;

/** Turns SQLite's failures into the port's typed errors. */
final class SqliteFailures {
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CANTOPEN = 14;

  private SqliteFailures() {}

  /** Whether SQLite refused for a lock another connection holds (any of the extended BUSY codes). */
  static boolean isBusy(SQLException e) {
    return (e.getErrorCode() & 0xff) == SQLITE_BUSY;
  }

  /**
   * A lock not had within the busy timeout, or a file that cannot be opened, is an outage: the caller
   * may try again later. Anything else is the store refusing.
   */
  static DatastoreException translate(String datastore, String action, SQLException e) {
    String cause = "cannot " + action + ": " + e.getMessage();
    switch (e.getErrorCode() & 0xff) {
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
      case SQLITE_CANTOPEN:
        return new DatastoreUnavailableException(datastore, cause, e);
      default:
        return new DatastoreException(cause + " (" + datastore + ")", e);
    }
  }
}
