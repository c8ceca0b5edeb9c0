package org.calicomesos.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;

/**
 * "The world" for the NAT and port-mapping tests: a network namespace outside every pool, on a veth whose root end
 * holds the host's address on that link ({@link #HOST_V4}, {@link #HOST_V6}), as a host's uplink would. The world
 * routes everything back through the host, so a connection from a container completes whether or not it was
 * masqueraded; what its listener reports as the peer tells which. {@link #close} removes the namespace, and the
 * veth with it.
 */
final class WorldNamespace implements AutoCloseable {
  static final String LINK = "natw0";
  static final String HOST_V4 = "203.0.113.1";
  static final String HOST_V6 = "2001:db8:113::1";
  static final String WORLD_V4 = "203.0.113.10";
  static final String WORLD_V6 = "2001:db8:113::10";

  private final NetnsContainer namespace;

  private WorldNamespace(NetnsContainer namespace) {
    this.namespace = namespace;
  }

  static WorldNamespace create() {
    KernelCommand.attempt("ip", "link", "del", LINK);
    NetnsContainer namespace = NetnsContainer.start();
    try {
      String pid = String.valueOf(namespace.pid());
      KernelCommand.run("ip", "link", "add", LINK, "type", "veth", "peer", "name", "eth0", "netns", pid);
      KernelCommand.run("ip", "addr", "add", HOST_V4 + "/24", "dev", LINK);
      KernelCommand.run("ip", "addr", "add", HOST_V6 + "/64", "dev", LINK, "nodad");
      KernelCommand.run("ip", "link", "set", LINK, "up");
      // Replies from the world are forwarded to the containers: IPv4 by the ingress link's switch, IPv6 by its
      // force_forwarding where the kernel has one (older kernels: the test's Ipv6Forwarding turns on the global one).
      KernelCommand.run("sysctl", "-qw", "net.ipv4.conf." + LINK + ".forwarding=1");
      Path force = Path.of("/proc/sys/net/ipv6/conf/" + LINK + "/force_forwarding");
      if (Files.exists(force)) {
        KernelCommand.run("sysctl", "-qw", "net.ipv6.conf." + LINK + ".force_forwarding=1");
      }
      namespace.run("ip", "link", "set", "lo", "up");
      namespace.run("ip", "addr", "add", WORLD_V4 + "/24", "dev", "eth0");
      namespace.run("ip", "addr", "add", WORLD_V6 + "/64", "dev", "eth0", "nodad");
      namespace.run("ip", "link", "set", "eth0", "up");
      namespace.run("ip", "route", "add", "default", "via", HOST_V4);
      namespace.run("ip", "-6", "route", "add", "default", "via", HOST_V6);
      return new WorldNamespace(namespace);
    } catch (RuntimeException e) {
      namespace.close();
      KernelCommand.attempt("ip", "link", "del", LINK);
      throw e;
    }
  }

  /** A listener in the world that tells each client the source address it saw. */
  ContainerListener peerReporter(String address) {
    return ContainerListener.reportingPeer(namespace, Addresses.parseAnyAddress("address", address));
  }

  /** The source address {@code listener} in the world saw when {@code from} connected; empty if it got no answer. */
  static String sourceSeen(NetnsContainer from, ContainerListener listener) {
    KernelCommand.Result result = from.attempt("socat", "-T", "2", "-", listener.socatClientAddress());
    String seen = result.stdout().strip().replace("[", "").replace("]", "");
    if (!result.succeeded() || seen.isEmpty()) {
      return "";
    }
    return Addresses.parseAnyAddress("peer", seen).toCanonicalString();
  }

  /** Whether a TCP connection from the world to {@code address} port {@code port} gets the listener's greeting. */
  boolean reaches(String address, int port) {
    return NatAndPortMappingIT.greets(namespace, address, port);
  }

  NetnsContainer namespace() {
    return namespace;
  }

  @Override
  public void close() {
    namespace.close();
    KernelCommand.attempt("ip", "link", "del", LINK);
  }
}
