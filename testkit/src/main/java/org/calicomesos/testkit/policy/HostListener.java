package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP listener in the host's own namespace (a socket of the test JVM) that, like a workload's, tells each client
 * the address it saw it connect from.
 */
public final class HostListener implements AutoCloseable {
  private final ServerSocket server;
  private final IPAddress address;

  private HostListener(ServerSocket server, IPAddress address) {
    this.server = server;
    this.address = address;
  }

  /** Listens on {@code address} (a host address, no prefix length) at a free port. */
  public static HostListener start(IPAddress address) {
    try {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(address.toInetAddress(), 0));
      HostListener listener = new HostListener(server, address);
      Thread accepting = new Thread(listener::serve, "host-listener-" + address);
      accepting.setDaemon(true);
      accepting.start();
      return listener;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  public IPAddress address() {
    return address;
  }

  public int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
        out.write((client.getInetAddress().getHostAddress() + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException closedOrClientGone) {
        // closed: the loop ends; a client that went away: serve the next
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
