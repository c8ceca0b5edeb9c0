package org.calicomesos.adapters.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.WatchEvent;

/** The SQL of the store, one method per statement; the caller holds the transaction. */
final class SqliteTables {
  private final Connection connection;

  SqliteTables(Connection connection) {
    this.connection = connection;
  }

  Optional<Entry> entry(String key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT value, mod_revision FROM kv WHERE key = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(new Entry(key, row.getString(1), row.getLong(2))) : Optional.empty();
      }
    }
  }

  /** Entries whose key starts with {@code prefix}, in key order (SQLite's binary order: code points). */
  List<Entry> entries(String prefix) throws SQLException {
    Optional<String> end = SqlitePrefix.exclusiveEnd(prefix);
    String sql = "SELECT key, value, mod_revision FROM kv WHERE key >= ?"
        + (end.isPresent() ? " AND key < ?" : "") + " ORDER BY key";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, prefix);
      if (end.isPresent()) {
        select.setString(2, end.get());
      }
      List<Entry> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String key = rows.getString(1);
          if (!key.startsWith(prefix)) {
            break; // only reached without an end bound: the range has been passed
          }
          entries.add(new Entry(key, rows.getString(2), rows.getLong(3)));
        }
      }
      return entries;
    }
  }

  /** The revision of the store's last write (0 before the first). */
  long revision() throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT revision FROM meta WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      return row.next() ? row.getLong(1) : 0;
    }
  }

  /**
   * Takes the next revision for a write, and prunes the event that falls out of the last
   * {@code historyLimit}: every write logs exactly one event, so one is dropped per write.
   */
  long nextRevision(int historyLimit) throws SQLException {
    long next = revision() + 1;
    long compacted = Math.max(0, next - historyLimit);
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE meta SET revision = ?, compacted = max(compacted, ?) WHERE id = 1")) {
      update.setLong(1, next);
      update.setLong(2, compacted);
      update.executeUpdate();
    }
    if (compacted > 0) {
      try (PreparedStatement prune = connection.prepareStatement("DELETE FROM events WHERE revision <= ?")) {
        prune.setLong(1, compacted);
        prune.executeUpdate();
      }
    }
    return next;
  }

  void put(String key, String value, long revision) throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement(
        "INSERT INTO kv (key, value, mod_revision) VALUES (?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, mod_revision = excluded.mod_revision")) {
      upsert.setString(1, key);
      upsert.setString(2, value);
      upsert.setLong(3, revision);
      upsert.executeUpdate();
    }
    logEvent(revision, key, value);
  }

  void remove(String key, long revision) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM kv WHERE key = ?")) {
      delete.setString(1, key);
      delete.executeUpdate();
    }
    logEvent(revision, key, null);
  }

  /** Up to {@code limit} events after {@code revision}, oldest first, with the newest pruned revision. */
  SqliteEventPage eventsAfter(long revision, int limit) throws SQLException {
    long compacted;
    try (PreparedStatement select = connection.prepareStatement("SELECT compacted FROM meta WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      compacted = row.next() ? row.getLong(1) : 0;
    }
    List<WatchEvent> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT revision, key, value FROM events WHERE revision > ? ORDER BY revision LIMIT ?")) {
      select.setLong(1, revision);
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long at = rows.getLong(1);
          String key = rows.getString(2);
          String value = rows.getString(3);
          events.add(value == null ? WatchEvent.delete(key, at) : WatchEvent.put(new Entry(key, value, at)));
        }
      }
    }
    return new SqliteEventPage(compacted, events);
  }

  private void logEvent(long revision, String key, String valueOrNull) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO events (revision, key, value) VALUES (?, ?, ?)")) {
      insert.setLong(1, revision);
      insert.setString(2, key);
      insert.setString(3, valueOrNull);
      insert.executeUpdate();
    }
  }
}
