package org.calicomesos.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends whole lines, rotates by size under its lock, keeps a bounded number of old files. */
class LockedFileHandlerTest {
  @TempDir
  Path dir;

  @Test
  void rotatesBySizeAndKeepsBoundedGenerations() throws Exception {
    Path log = dir.resolve("logs/isolator.log");
    LockedFileHandler handler = new LockedFileHandler(log, 1000, 3);
    handler.setFormatter(new LogLineFormatter());

    for (int i = 0; i < 200; i++) {
      handler.publish(new LogRecord(Level.INFO, "record " + i + " " + "x".repeat(40)));
    }

    List<String> files = names(log.getParent());
    assertThat(files).containsExactlyInAnyOrder("isolator.log", "isolator.log.1", "isolator.log.2", "isolator.log.3",
        "isolator.log.lock");
    for (String name : List.of("isolator.log", "isolator.log.1", "isolator.log.2", "isolator.log.3")) {
      assertThat(Files.size(log.resolveSibling(name))).isLessThanOrEqualTo(1000);
    }
    assertThat(Files.readAllLines(log)).last().asString().contains("record 199 ");
    assertThat(Files.readAllLines(log.resolveSibling("isolator.log.1")))
        .allSatisfy(line -> assertThat(line).matches(".* INFO \\[\\d+\\] root: record \\d+ x+"));
  }

  @Test
  void messagesStayOnOneLine() throws Exception {
    Path log = dir.resolve("isolator.log");
    LockedFileHandler handler = new LockedFileHandler(log, 1_000_000, 2);
    handler.setFormatter(new LogLineFormatter());

    handler.publish(new LogRecord(Level.WARNING, "first\nsecond\r\nthird"));

    assertThat(Files.readAllLines(log)).singleElement().asString().endsWith("WARNING [" + ProcessHandle.current().pid()
        + "] root: first second third");
  }

  @Test
  void anUnusableLocationFailsAtConstruction() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");

    assertThatThrownBy(() -> new LockedFileHandler(file.resolve("isolator.log"), 1000, 2)).isInstanceOf(IOException.class);
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<String> names = new ArrayList<>();
      files.forEach(file -> names.add(file.getFileName().toString()));
      return names;
    }
  }
}
