package org.calicomesos.testkit.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calicomesos.ports.dataplane.Sysctl;

/** Sets the host's sysctls the way the test fixtures need them, under {@code /proc/sys}. */
final class ProcSys {
  private ProcSys() {}

  static void write(Sysctl sysctl) {
    try {
      Files.writeString(Path.of("/proc/sys", sysctl.key()), sysctl.value());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set " + sysctl, e);
    }
  }
}
