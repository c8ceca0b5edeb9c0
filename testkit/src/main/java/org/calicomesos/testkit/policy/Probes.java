package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.KernelState;
import org.calicomesos.testkit.dataplane.NetnsContainer;

/**
 * Real TCP connections that show whether a path is open, and from which source address the far end saw them: a
 * path is closed when no connection is made within {@link #CONNECT_TIMEOUT_MS} (a dropped SYN is simply never
 * answered, so a short timeout is all it costs). Everything here is local, so an open path connects in
 * milliseconds.
 */
public final class Probes {
  public static final int CONNECT_TIMEOUT_MS = 1000;

  private Probes() {}

  /** From inside {@code from}, bound to {@code source}, to a listener in a workload. */
  public static Optional<IPAddress> connect(Workload from, IPAddress source, ContainerListener to) {
    return connect(from.container(), source, to.address(), to.port());
  }

  /** From inside {@code from}, bound to {@code source}, to a listener in the host's namespace. */
  public static Optional<IPAddress> connect(Workload from, IPAddress source, HostListener to) {
    return connect(from.container(), source, to.address(), to.port());
  }

  /** From inside {@code from}, bound to {@code source}, to whatever answers on {@code to} and {@code port}. */
  public static Optional<IPAddress> connect(NetnsContainer from, IPAddress source, IPAddress to, int port) {
    String target = to.isIPv6()
        ? "TCP6:[" + to + "]:" + port + ",bind=[" + source + "]"
        : "TCP4:" + to + ":" + port + ",bind=" + source;
    KernelCommand.Result result = from.attempt("socat", "-u", "-T", "2",
        target + ",connect-timeout=" + CONNECT_TIMEOUT_MS / 1000, "STDOUT");
    return result.succeeded() ? parse(result.stdout()) : Optional.empty();
  }

  /** From the host's namespace, from whatever source address the kernel picks ({@link #hostSourceFor}). */
  public static Optional<IPAddress> connectFromHost(ContainerListener to) {
    return connectFromHost(to.address(), to.port());
  }

  /** From the host's namespace to whatever answers on {@code to} and {@code port} (a mapped port, say). */
  public static Optional<IPAddress> connectFromHost(IPAddress to, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(to.toInetAddress(), port), CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(2 * CONNECT_TIMEOUT_MS);
      try (InputStream in = socket.getInputStream()) {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException refusedOrTimedOut) {
      return Optional.empty();
    }
  }

  /** The source address the host's kernel uses towards {@code destination} ({@code ip route get}'s prefsrc). */
  public static IPAddress hostSourceFor(IPAddress destination) {
    String route = KernelCommand.run("ip", "-j", destination.isIPv6() ? "-6" : "-4", "route", "get",
        destination.toCanonicalString());
    String source = KernelState.parse(route).path(0).path("prefsrc").asText();
    return parse(source).orElseThrow(() -> new AssertionError("no source address for " + destination + ": " + route));
  }

  /** Whether {@code address} is one of the host's own ({@code ip route get} says {@code local}). */
  public static boolean isHostAddress(IPAddress address) {
    String route = KernelCommand.run("ip", "-j", address.isIPv6() ? "-6" : "-4", "route", "get",
        address.toCanonicalString());
    return KernelState.parse(route).path(0).path("type").asText().equals("local");
  }

  /** An address as socat ({@code [0000:…:0001]}) or Java prints it; empty for anything else. */
  static Optional<IPAddress> parse(String text) {
    String bare = text.strip().replace("[", "").replace("]", "");
    return Optional.ofNullable(new IPAddressString(bare).getAddress()).map(IPAddress::withoutPrefixLength);
  }
}
