package org.calicomesos.adapters.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.calicomesos.ports.kv.DatastoreException;

/**
 * The tables, versioned through {@code PRAGMA user_version} so that an existing store costs one pragma
 * read at start-up. Revisions work as in etcd: one counter for the whole store, bumped by every write.
 */
final class SqliteSchema {
  static final int VERSION = 1;

  private static final String[] CREATE = {
    // The current entries; mod_revision is the revision of the entry's last write.
    "CREATE TABLE IF NOT EXISTS kv ("
        + "key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, mod_revision INTEGER NOT NULL) WITHOUT ROWID",
    // The store's revision, and the newest revision whose event has been pruned (0: none yet).
    "CREATE TABLE IF NOT EXISTS meta ("
        + "id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL, compacted INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO meta (id, revision, compacted) VALUES (1, 0, 0)",
    // One row per revision after `compacted`, for watches; a delete has a null value.
    "CREATE TABLE IF NOT EXISTS events (revision INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT)",
    "PRAGMA user_version = " + VERSION,
  };

  private SqliteSchema() {}

  /** Creates the tables unless they are there; fails on a file written by a newer schema. */
  static void ensure(Connection connection, String datastore) throws SQLException {
    if (userVersion(connection) == VERSION) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        // Re-read under the write lock: another process may have created the schema meanwhile.
        int version = userVersion(connection);
        if (version > VERSION) {
          throw new DatastoreException("cannot open " + datastore + ": its schema version " + version
              + " is newer than this program's " + VERSION);
        }
        for (String sql : CREATE) {
          statement.execute(sql);
        }
        statement.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        SqliteSession.rollbackQuietly(connection, e);
        throw e;
      }
    }
  }

  private static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }
}
