package org.calicomesos.adapters.iproute2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.Sysctl;

/** Writes host sysctls straight to {@code /proc/sys}: this JVM runs in the host namespace, so no process is needed. */
final class HostSysctls {
  private static final Path ROOT = Path.of("/proc/sys");

  private HostSysctls() {}

  static void apply(List<Sysctl> sysctls) {
    for (Sysctl sysctl : sysctls) {
      try {
        // Sysctl's key is checked to be a plain path under net/, so resolving it cannot leave /proc/sys.
        Files.write(ROOT.resolve(sysctl.key()), sysctl.value().getBytes(StandardCharsets.US_ASCII));
      } catch (java.nio.file.NoSuchFileException e) {
        if (!sysctl.optional()) {
          throw new DataplaneException("cannot set sysctl " + sysctl.key().replace('/', '.') + "=" + sysctl.value()
              + ": no such setting");
        }
      } catch (IOException e) {
        throw new DataplaneException("cannot set sysctl " + sysctl.key().replace('/', '.') + "=" + sysctl.value()
            + ": " + e.getMessage());
      }
    }
  }
}
