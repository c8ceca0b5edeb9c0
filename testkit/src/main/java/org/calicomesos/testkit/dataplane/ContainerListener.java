package org.calicomesos.testkit.dataplane;

import inet.ipaddr.IPAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A TCP listener inside a container ({@code socat}, started through {@code nsenter}) that greets each client with
 * {@link #GREETING}: reading it back proves a connection carried data both ways. It dies with the container.
 */
public final class ContainerListener {
  public static final String GREETING = "hello";

  private final IPAddress address;
  private final int port;

  private ContainerListener(IPAddress address, int port) {
    this.address = address;
    this.port = port;
  }

  /** Starts listening on {@code address} (no prefix length) and waits until the socket is bound. */
  public static ContainerListener start(NetnsContainer container, IPAddress address) {
    return start(container, address, randomPort(), "EXEC:echo " + GREETING);
  }

  /** Like {@link #start}, on the given port (one a port mapping names, say). */
  public static ContainerListener onPort(NetnsContainer container, IPAddress address, int port) {
    return start(container, address, port, "EXEC:echo " + GREETING);
  }

  /**
   * Like {@link #start}, but each client reads back its own address as the listener saw it (socat's
   * {@code SOCAT_PEERADDR}; IPv6 in brackets, uncompressed), so a test can tell who got through.
   */
  public static ContainerListener reportingPeer(NetnsContainer container, IPAddress address) {
    return start(container, address, randomPort(), "EXEC:printenv SOCAT_PEERADDR");
  }

  /** Like {@link #reportingPeer}, on the given port (one a policy names, say). */
  public static ContainerListener reportingPeerOnPort(NetnsContainer container, IPAddress address, int port) {
    return start(container, address, port, "EXEC:printenv SOCAT_PEERADDR");
  }

  private static int randomPort() {
    return ThreadLocalRandom.current().nextInt(20_000, 60_000);
  }

  private static ContainerListener start(NetnsContainer container, IPAddress address, int port, String reply) {
    String listen = address.isIPv6()
        ? "TCP6-LISTEN:" + port + ",bind=[" + address + "],reuseaddr,fork"
        : "TCP4-LISTEN:" + port + ",bind=" + address + ",reuseaddr,fork";
    Process socat = container.startInBackground("socat", listen, reply);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (container.run("ss", "-Hltn", "sport", "=", ":" + port).contains(":" + port)) {
        return new ContainerListener(address, port);
      }
      if (!socat.isAlive()) {
        throw new AssertionError("socat listening on " + address + " port " + port + " exited " + socat.exitValue());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    throw new AssertionError("socat did not listen on " + address + " port " + port + " within 5 s");
  }

  public IPAddress address() {
    return address;
  }

  public int port() {
    return port;
  }

  /** The socat address a client in another container connects with. */
  public String socatClientAddress() {
    return address.isIPv6()
        ? "TCP6:[" + address + "]:" + port + ",connect-timeout=5"
        : "TCP4:" + address + ":" + port + ",connect-timeout=5";
  }
}
