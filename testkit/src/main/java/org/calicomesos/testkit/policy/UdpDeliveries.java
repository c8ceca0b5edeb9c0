package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.concurrent.TimeUnit;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;

/**
 * One-way proof that a packet arrived: a UDP datagram sent to a port nobody listens on still reaches the receiving
 * namespace's UDP layer, which counts it ({@code NoPorts}); a fresh container receives no other UDP. A TCP probe
 * cannot show this for a spoofed source, because the answer goes to the real owner of that address.
 */
public final class UdpDeliveries {
  private static final int DISCARD_PORT = 9;

  private UdpDeliveries() {}

  /** Datagrams of {@code ipv6}'s family the container's UDP layer has received so far. */
  public static long received(NetnsContainer container, boolean ipv6) {
    return ipv6 ? snmp6(container) : snmp(container);
  }

  /**
   * Waits until the container has counted {@code count} datagrams (at most 2 s), then as long again, at least
   * 200 ms, so that one that came late would be counted too.
   */
  public static void awaitReceived(NetnsContainer container, boolean ipv6, long count) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(2);
    while (received(container, ipv6) < count && System.nanoTime() < deadline) {
      pause(20);
    }
    pause(Math.max(200, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
  }

  /** Sends one datagram from inside {@code from}, bound to {@code source} (which must be an address it has). */
  public static void send(NetnsContainer from, IPAddress source, IPAddress to) {
    String target = to.isIPv6()
        ? "UDP6-SENDTO:[" + to + "]:" + DISCARD_PORT + ",bind=[" + source + "]"
        : "UDP4-SENDTO:" + to + ":" + DISCARD_PORT + ",bind=" + source;
    from.run("socat", "-u", "EXEC:echo probe", target);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static long snmp(NetnsContainer container) {
    // "Udp: InDatagrams NoPorts InErrors ..." then "Udp: 0 1 0 ..."
    String[] lines = container.run("cat", "/proc/net/snmp").lines().filter(l -> l.startsWith("Udp: "))
        .toArray(String[]::new);
    String[] names = lines[0].split("\\s+");
    String[] values = lines[1].split("\\s+");
    long total = 0;
    for (int i = 1; i < names.length; i++) {
      if (names[i].equals("InDatagrams") || names[i].equals("NoPorts")) {
        total += Long.parseLong(values[i]);
      }
    }
    return total;
  }

  private static long snmp6(NetnsContainer container) {
    return container.run("cat", "/proc/net/snmp6").lines()
        .map(line -> line.split("\\s+"))
        .filter(f -> f[0].equals("Udp6InDatagrams") || f[0].equals("Udp6NoPorts"))
        .mapToLong(f -> Long.parseLong(f[1]))
        .sum();
  }
}
