package org.calicomesos.adapters.sqlite;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/**
 * The embedded single-host {@link KeyValueStore}: one SQLite file that every process on the host
 * (per-request plugin runs, admin commands, the agent) opens at once. Each write is one short
 * transaction under SQLite's write lock, so processes never interleave a compare and its write.
 */
public final class SqliteKeyValueStore implements KeyValueStore {
  /** How long an operation waits for the database lock before it reports the store unavailable. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
  /** Changes kept for watches that start in the past (etcd keeps more, but an agent resyncs cheaply). */
  static final int HISTORY_LIMIT = 10_000;
  static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private final String datastore;
  private final SqliteSession session;
  private final int historyLimit;
  private final Duration pollInterval;
  private final List<SqliteWatch> watches = new CopyOnWriteArrayList<>();

  private SqliteKeyValueStore(String datastore, SqliteSession session, int historyLimit, Duration pollInterval) {
    this.datastore = datastore;
    this.session = session;
    this.historyLimit = historyLimit;
    this.pollInterval = pollInterval;
  }

  /** Opens (creating if needed) the store in {@code file}, waiting at most 5 s for the database lock. */
  public static SqliteKeyValueStore open(Path file) {
    return open(file, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * Opens (creating if needed) the store in {@code file}; missing directories get mode 0700, a new
   * file 0600.
   *
   * @throws DatastoreUnavailableException when the file cannot be created or opened, or stays locked
   *     longer than {@code busyTimeout}
   */
  public static SqliteKeyValueStore open(Path file, Duration busyTimeout) {
    return open(file, busyTimeout, HISTORY_LIMIT, POLL_INTERVAL);
  }

  static SqliteKeyValueStore open(Path file, Duration busyTimeout, int historyLimit, Duration pollInterval) {
    Path absolute = file.toAbsolutePath().normalize();
    String datastore = "sqlite at " + absolute;
    if (absolute.toString().contains("?")) {
      // sqlite-jdbc would read what follows '?' as connection options, and open another file.
      throw new DatastoreUnavailableException(
          datastore, "cannot open \"" + absolute + "\": a '?' in the path is not supported", null);
    }
    try {
      SqliteStoreFile.prepare(absolute);
    } catch (IOException | SecurityException e) {
      throw new DatastoreUnavailableException(datastore, "cannot create \"" + absolute + "\": " + describe(e), e);
    }
    try {
      Connection connection = SqliteConnector.open(absolute, busyTimeout, datastore);
      return new SqliteKeyValueStore(datastore, new SqliteSession(connection, datastore, busyTimeout),
          historyLimit, pollInterval);
    } catch (SQLException e) {
      throw new DatastoreUnavailableException(datastore, "cannot open \"" + absolute + "\": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Entry> get(String key) {
    Objects.requireNonNull(key, "key");
    return session.single("read " + quote(key), tables -> tables.entry(key));
  }

  @Override
  public Listing list(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return listAll(List.of(prefix)).get(0);
  }

  @Override
  public List<Listing> listAll(List<String> prefixes) {
    prefixes.forEach(prefix -> Objects.requireNonNull(prefix, "prefix"));
    // One read transaction, so every listing is of the snapshot the revision was read at.
    return session.read("list " + prefixes.stream().map(SqliteKeyValueStore::quote).collect(Collectors.joining(", ")),
        tables -> {
          long revision = tables.revision();
          List<Listing> listings = new ArrayList<>();
          for (String prefix : prefixes) {
            listings.add(new Listing(tables.entries(prefix), revision));
          }
          return listings;
        });
  }

  @Override
  public WriteOutcome create(String key, String value) {
    Objects.requireNonNull(value, "value");
    return session.write("create " + quote(key), tables -> {
      Optional<Entry> current = tables.entry(key);
      if (current.isPresent()) {
        return new WriteOutcome.Conflict(current.get());
      }
      return new WriteOutcome.Written(put(tables, key, value));
    });
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    Objects.requireNonNull(value, "value");
    return session.write("update " + quote(key), tables -> {
      Optional<Entry> current = tables.entry(key);
      if (current.isEmpty()) {
        return new WriteOutcome.Missing(key);
      }
      if (current.get().revision() != expectedRevision) {
        return new WriteOutcome.Conflict(current.get());
      }
      return new WriteOutcome.Written(put(tables, key, value));
    });
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    return session.write("delete " + quote(key), tables -> {
      Optional<Entry> current = tables.entry(key);
      if (current.isEmpty()) {
        return new WriteOutcome.Missing(key);
      }
      if (current.get().revision() != expectedRevision) {
        return new WriteOutcome.Conflict(current.get());
      }
      tables.remove(key, tables.nextRevision(historyLimit));
      return new WriteOutcome.Deleted(key);
    });
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(listener, "listener");
    SqliteWatch watch = new SqliteWatch(prefix, afterRevision, listener, session, pollInterval, watches::remove);
    watches.add(watch);
    watch.start();
    return watch;
  }

  @Override
  public String describe() {
    return datastore;
  }

  /** Stops the watches, then closes the connection; the last one out checkpoints and removes the WAL. */
  @Override
  public void close() {
    watches.forEach(SqliteWatch::close);
    session.close();
  }

  private Entry put(SqliteTables tables, String key, String value) throws SQLException {
    long revision = tables.nextRevision(historyLimit);
    tables.put(key, value, revision);
    return new Entry(key, value, revision);
  }

  private static String quote(String key) {
    return "\"" + key + "\"";
  }

  private static String describe(Exception e) {
    if (e instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof NoSuchFileException missing) {
      return missing.getFile() + ": no such file or directory";
    }
    if (e instanceof FileSystemException failed && failed.getReason() != null) {
      return failed.getFile() + ": " + failed.getReason();
    }
    return e.toString();
  }
}
