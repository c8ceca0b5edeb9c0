package org.calicomesos.adapters.netlink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.Sysctl;

/**
 * Writes sysctls under /proc/sys. The JVM's own threads all stay in the host's namespace (only a throw-away
 * thread ever enters a container's), so this is the host's /proc/sys/net.
 */
final class HostSysctls {
  private static final Path ROOT = Path.of("/proc/sys");

  private HostSysctls() {}

  static void apply(List<Sysctl> sysctls) {
    for (Sysctl sysctl : sysctls) {
      Path file = ROOT.resolve(sysctl.key()); // the key's pattern keeps this under /proc/sys/net
      try {
        Files.write(file, sysctl.value().getBytes(StandardCharsets.US_ASCII));
      } catch (NoSuchFileException e) {
        if (sysctl.optional()) {
          continue;
        }
        throw new DataplaneException("cannot set sysctl " + sysctl + ": this kernel has no " + file);
      } catch (IOException e) {
        throw new DataplaneException("cannot set sysctl " + sysctl + ": " + e.getMessage(), e);
      }
    }
  }
}
