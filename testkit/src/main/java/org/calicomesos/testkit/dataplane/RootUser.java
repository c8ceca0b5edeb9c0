package org.calicomesos.testkit.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kernel suites need root; without it they fail (saying why) rather than skip, so a CI without root is noticed. */
public final class RootUser {
  private RootUser() {}

  /** Fails the suite unless this process's real uid is 0; {@code why} says what the suite does that needs it. */
  public static void require(String why) {
    String uid;
    try {
      uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("Uid:")).findFirst().orElse("Uid: ?").split("\\s+")[1];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/status", e);
    }
    assertThat(uid).as(why + ", so it must run as root").isEqualTo("0");
  }
}
