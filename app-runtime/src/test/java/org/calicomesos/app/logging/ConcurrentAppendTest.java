package org.calicomesos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes append to one file at once, through rotations: every line arrives whole, none is lost. */
class ConcurrentAppendTest {
  private static final int PROCESSES = 4;
  private static final int LINES = 300;

  @TempDir
  Path dir;

  @Test
  void processesWritingAtOnceNeverSplitOrLoseALine() throws Exception {
    Path log = dir.resolve("isolator.log");
    List<Process> writers = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      writers.add(new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
          AppendingProcess.class.getName(), log.toString(), "w" + p, String.valueOf(LINES))
          .redirectErrorStream(true).redirectOutput(dir.resolve("writer-" + p + ".out").toFile()).start());
    }
    for (Process writer : writers) {
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.exitValue()).isZero();
    }

    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(file -> file.getFileName().toString().matches("isolator\\.log(\\.\\d)?")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    // 4 × 300 lines of ~100 bytes rotate at 20 kB with 10 generations kept: nothing falls off.
    assertThat(lines).hasSize(PROCESSES * LINES).allSatisfy(line -> assertThat(line).matches("w\\d \\d+ y{80}"));
    for (int p = 0; p < PROCESSES; p++) {
      String writer = "w" + p + " ";
      assertThat(lines).filteredOn(line -> line.startsWith(writer)).hasSize(LINES);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The other process: appends its numbered lines as fast as it can. */
  static final class AppendingProcess {
    public static void main(String[] args) throws IOException {
      LockedFileAppender appender = new LockedFileAppender(Path.of(args[0]), 20_000, 10, System.err);
      for (int i = 0; i < Integer.parseInt(args[2]); i++) {
        appender.write(args[1] + " " + i + " " + "y".repeat(80) + "\n");
      }
    }
  }
}
