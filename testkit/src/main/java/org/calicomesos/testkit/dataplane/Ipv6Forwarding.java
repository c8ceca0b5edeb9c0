package org.calicomesos.testkit.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Sysctl;

/**
 * Lets the host forward IPv6 between two containers. IPv4 forwards on the per-interface {@code forwarding=1} of the
 * plan; IPv6 forwards only if {@code net.ipv6.conf.all.forwarding} is on, or — from Linux 6.17 — if the ingress
 * interface has {@code force_forwarding=1}. Where that exists the plans get it; on older kernels the test turns the
 * global switch on and {@link #close()} restores it.
 */
public final class Ipv6Forwarding implements AutoCloseable {
  private static final Path ALL_FORWARDING = Path.of("/proc/sys/net/ipv6/conf/all/forwarding");
  private static final Path FORCE_FORWARDING = Path.of("/proc/sys/net/ipv6/conf/all/force_forwarding");

  private final String globalBefore;

  private Ipv6Forwarding(String globalBefore) {
    this.globalBefore = globalBefore;
  }

  /** Makes IPv6 container-to-container forwarding possible for the plans built with {@link #sysctls}. */
  public static Ipv6Forwarding enable() {
    if (perInterface()) {
      return new Ipv6Forwarding(null);
    }
    String before = read(ALL_FORWARDING);
    write(ALL_FORWARDING, "1");
    return new Ipv6Forwarding(before);
  }

  /** The extra host sysctls a plan needs for IPv6 forwarding through {@code host}: none on older kernels. */
  public List<Sysctl> sysctls(InterfaceName host) {
    return perInterface() ? List.of(new Sysctl("net/ipv6/conf/" + host + "/force_forwarding", "1")) : List.of();
  }

  private static boolean perInterface() {
    return Files.exists(FORCE_FORWARDING);
  }

  @Override
  public void close() {
    if (globalBefore != null) {
      write(ALL_FORWARDING, globalBefore);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String value) {
    try {
      Files.writeString(file, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
