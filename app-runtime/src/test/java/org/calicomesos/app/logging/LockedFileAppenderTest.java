package org.calicomesos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends whole lines, rotates by size under its lock, keeps a bounded number of old files. */
class LockedFileAppenderTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @Test
  void rotatesBySizeAndKeepsBoundedGenerations() throws Exception {
    Path log = dir.resolve("logs/isolator.log");
    LockedFileAppender appender = new LockedFileAppender(log, 1000, 3, stderrStream());

    for (int i = 0; i < 200; i++) {
      appender.write("record " + i + " " + "x".repeat(40) + "\n");
    }

    assertThat(names(log.getParent())).containsExactlyInAnyOrder("isolator.log", "isolator.log.1", "isolator.log.2",
        "isolator.log.3", "isolator.log.lock");
    for (String name : List.of("isolator.log", "isolator.log.1", "isolator.log.2", "isolator.log.3")) {
      assertThat(Files.size(log.resolveSibling(name))).isLessThanOrEqualTo(1000);
    }
    assertThat(Files.readAllLines(log)).last().asString().startsWith("record 199 ");
    assertThat(Files.readAllLines(log.resolveSibling("isolator.log.1"))).allSatisfy(line -> assertThat(line).matches("record \\d+ x{40}"));
  }

  @Test
  void appendsToWhatIsAlreadyThere() throws Exception {
    Path log = Files.writeString(dir.resolve("isolator.log"), "earlier\n");

    new LockedFileAppender(log, 1_000_000, 2, stderrStream()).write("later\n");

    assertThat(Files.readAllLines(log)).containsExactly("earlier", "later");
  }

  @Test
  void anUnusableLocationFailsAtConstruction() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");

    assertThatThrownBy(() -> new LockedFileAppender(file.resolve("isolator.log"), 1000, 2, stderrStream()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aLaterWriteFailureIsReportedOnStderrOnce() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    LockedFileAppender appender = new LockedFileAppender(logs.resolve("isolator.log"), 1000, 2, stderrStream());
    for (Path file : names(logs).stream().map(logs::resolve).toList()) {
      Files.delete(file);
    }
    Files.delete(logs);

    appender.write("lost\n");
    appender.write("lost too\n");

    assertThat(stderr.toString(StandardCharsets.UTF_8)).hasLineCount(1)
        .startsWith("calico-mesos: warning: cannot write to log file " + logs.resolve("isolator.log"));
  }

  private PrintStream stderrStream() {
    return new PrintStream(stderr, true, StandardCharsets.UTF_8);
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<String> names = new ArrayList<>();
      files.forEach(file -> names.add(file.getFileName().toString()));
      return names;
    }
  }
}
