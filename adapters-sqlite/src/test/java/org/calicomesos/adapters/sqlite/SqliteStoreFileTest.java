package org.calicomesos.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the store's file lives: its modes, paths it cannot use, and what survives a close. */
class SqliteStoreFileTest {
  @TempDir Path dir;

  @Test
  void createsMissingDirectoriesPrivateAndTheFileOwnerOnly() throws Exception {
    Path file = dir.resolve("var/lib/calico-mesos/store.db");
    String before = mode(dir);

    SqliteKeyValueStore.open(file).close();

    assertThat(mode(dir.resolve("var"))).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("var/lib/calico-mesos"))).isEqualTo("rwx------");
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(mode(dir)).isEqualTo(before);
  }

  @Test
  void leavesNothingButTheDatabaseFileBehindAfterClose() throws Exception {
    Path file = dir.resolve("store.db");
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(file)) {
      store.create("/k", "v");
    }

    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsReportedUnavailableNamingThePath() {
    Path file = Path.of("/proc/calico-mesos-test/store.db");

    assertThatThrownBy(() -> SqliteKeyValueStore.open(file))
        .isInstanceOf(DatastoreUnavailableException.class)
        .hasMessageStartingWith("cannot reach sqlite at " + file + ": cannot create \"" + file + "\": ");
  }

  @Test
  void aParentThatIsAFileIsReportedUnavailableNamingThePath() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain"), "not a directory");
    Path file = plain.resolve("store.db");

    assertThatThrownBy(() -> SqliteKeyValueStore.open(file))
        .isInstanceOf(DatastoreUnavailableException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a directory");
  }

  @Test
  void aPathThatIsADirectoryIsReportedUnavailableNamingThePath() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("store.db"));

    assertThatThrownBy(() -> SqliteKeyValueStore.open(directory))
        .isInstanceOf(DatastoreUnavailableException.class)
        .hasMessageContaining("sqlite at " + directory);
  }

  @Test
  void aFileThatIsNotADatabaseIsReportedUnavailable() throws Exception {
    Path file = Files.writeString(dir.resolve("store.db"), "this is not an SQLite database, just text ".repeat(50));

    assertThatThrownBy(() -> SqliteKeyValueStore.open(file))
        .isInstanceOf(DatastoreUnavailableException.class)
        .hasMessageContaining("sqlite at " + file);
  }

  @Test
  void writesSurviveCloseAndReopen() {
    Path file = dir.resolve("store.db");
    Entry before;
    try (SqliteKeyValueStore first = SqliteKeyValueStore.open(file)) {
      before = ((WriteOutcome.Written) first.create("/k", "{\"v\":1}")).entry();
    }

    try (SqliteKeyValueStore second = SqliteKeyValueStore.open(file)) {
      assertThat(second.get("/k")).contains(before);
      Entry after = ((WriteOutcome.Written) second.create("/k2", "2")).entry();
      assertThat(after.revision()).isGreaterThan(before.revision());
    }
  }

  @Test
  void aSecondStoreOnTheSameFileSeesTheFirstsWritesAndWatchesThem() {
    Path file = dir.resolve("store.db");
    try (SqliteKeyValueStore writer = SqliteKeyValueStore.open(file);
        SqliteKeyValueStore reader = SqliteKeyValueStore.open(file, Duration.ofSeconds(5))) {
      RecordingWatchListener listener = new RecordingWatchListener();
      reader.watch("/", reader.list("/").revision(), listener);

      Entry written = ((WriteOutcome.Written) writer.create("/k", "v")).entry();

      assertThat(reader.get("/k")).contains(written);
      assertThat(listener.awaitEvents(1, Duration.ofSeconds(30))).containsExactly(WatchEvent.put(written));
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
