package org.calicomesos.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several JVMs on one host share the file as the agent's per-request processes do: no update is lost. */
class SqliteMultiProcessTest {
  private static final int PROCESSES = 4;
  private static final int INCREMENTS = 200;

  @TempDir Path dir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void concurrentProcessesCompareAndSwapOneCounterWithoutLosingAnUpdate() throws Exception {
    Path file = dir.resolve("shared/store.db");
    Path go = dir.resolve("go");
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      children.add(new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
              SqliteCounterChild.class.getName(), file.toString(), "/counter", String.valueOf(INCREMENTS),
              go.toString())
          .redirectOutput(dir.resolve("child-" + i + ".out").toFile())
          .redirectError(dir.resolve("child-" + i + ".err").toFile())
          .start());
    }
    Files.createFile(go);

    for (int i = 0; i < PROCESSES; i++) {
      Process child = children.get(i);
      if (!child.waitFor(4, TimeUnit.MINUTES)) {
        child.destroyForcibly();
      }
      assertThat(child.exitValue()).as("exit status of child %d, stderr:%n%s", i, stderr(i)).isZero();
      assertThat(Files.readString(dir.resolve("child-" + i + ".out"))).as("stdout of child %d", i).isEmpty();
    }
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(file)) {
      assertThat(store.get("/counter").orElseThrow().value()).isEqualTo(String.valueOf(PROCESSES * INCREMENTS));
    }
  }

  private String stderr(int child) throws Exception {
    return Files.readString(dir.resolve("child-" + child + ".err"));
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
