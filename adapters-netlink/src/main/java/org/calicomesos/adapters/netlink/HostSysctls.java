package org.calicomesos.adapters.netlink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.Sysctl;

/**
 * Writes sysctls under /proc/sys. The JVM's own threads all stay in the host's namespace (only a throw-away
 * thread ever enters a container's), so this is the host's /proc/sys/net.
 *
 * <p>Its sentences are word for word those of the other dataplane adapter's {@code HostSysctls} (adapters share
 * only ports, so each has its copy; {@code HostSysctlsTest} in each asserts the same sentences):
 * {@code cannot set sysctl net/ipv4/conf/cali0/proxy_arp=1: this kernel has no /proc/sys/net/ipv4/conf/cali0/proxy_arp}
 * for a required setting that is missing, {@code cannot set sysctl …=…: <reason>} when the write is refused.
 */
final class HostSysctls {
  private static final Path ROOT = Path.of("/proc/sys");

  private HostSysctls() {}

  static void apply(List<Sysctl> sysctls) {
    apply(ROOT, sysctls);
  }

  /** {@code root} stands for {@code /proc/sys}, for tests. */
  static void apply(Path root, List<Sysctl> sysctls) {
    for (Sysctl sysctl : sysctls) {
      Path file = root.resolve(sysctl.key()); // Sysctl's key is a plain path under net/: this stays under root
      try {
        // Never CREATE: a setting the kernel lacks must not become a file of ours.
        Files.write(file, sysctl.value().getBytes(StandardCharsets.US_ASCII), StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
      } catch (NoSuchFileException e) {
        if (!sysctl.optional()) {
          throw new DataplaneException("cannot set sysctl " + sysctl + ": this kernel has no " + file, e);
        }
      } catch (IOException e) {
        throw new DataplaneException("cannot set sysctl " + sysctl + ": " + reason(e), e);
      }
    }
  }

  /** "permission denied", "Read-only file system", "Invalid argument": the kernel's word, without the path again. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException failed && failed.getReason() != null) {
      return failed.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
