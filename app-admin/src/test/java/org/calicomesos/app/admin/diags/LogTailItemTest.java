package org.calicomesos.app.admin.diags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailItemTest {
  @TempDir Path dir;

  @Test
  void aLongLogIsCutAtTheFirstWholeLineWithinTheLimit() throws Exception {
    Path log = Files.writeString(dir.resolve("isolator.log"), "first line\nsecond line\nthird\n");

    ItemText tail = new LogTailItem(() -> log, 16).collect();

    assertThat(tail.failure()).isEmpty();
    assertThat(tail.text()).isEqualTo("# " + log + ", 29 bytes; its last 16 from the first whole line on\nthird\n");
  }

  @Test
  void aShortLogIsWhole() throws Exception {
    Path log = Files.writeString(dir.resolve("isolator.log"), "only line\n");

    assertThat(new LogTailItem(() -> log, 1024).collect().text()).isEqualTo("# " + log + ", 10 bytes\nonly line\n");
  }

  @Test
  void aMissingLogIsCollectedAsMissing() {
    Path log = dir.resolve("never-written.log");

    ItemText tail = new LogTailItem(() -> log, 1024).collect();

    assertThat(tail.failure()).isEmpty();
    assertThat(tail.text()).isEqualTo("# " + log + " does not exist: nothing has logged there yet\n");
  }

  @Test
  void aLogThatCannotBeReadFailsTheItem() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("a-directory"));

    ItemText tail = new LogTailItem(() -> directory, 1024).collect();

    assertThat(tail.failure()).hasValueSatisfying(reason -> assertThat(reason).startsWith("cannot read " + directory));
  }
}
