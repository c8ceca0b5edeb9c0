package org.calicomesos.testkit.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.KernelState;

/**
 * A throw-away named network namespace, {@code rt9-} + 8 random hex digits, standing in for a host: a veth pair
 * ({@code rt9a}, {@code rt9b}, both ends inside so the link has carrier) with {@link #IPV4_LINK} and
 * {@link #IPV6_LINK} on {@code rt9a}, so gateways in those subnets are on an attached link. The host's own
 * namespace is never touched: every command runs with {@code ip -n} (or {@code bridge -n}). Closing ends the
 * thread inside it, then deletes the namespace and with it every link, route and neighbour entry it holds.
 */
public final class RouteNamespace implements AutoCloseable {
  public static final String PREFIX = "rt9-";
  public static final String LINK = "rt9a";
  public static final String IPV4_LINK = "203.0.113.2/24";
  public static final String IPV6_LINK = "2001:db8:9::2/64";

  private final String name;
  private NamespaceThread inside;

  private RouteNamespace(String name) {
    this.name = name;
  }

  /** Creates the namespace with its link; if a step fails, removes what it created and fails the test. */
  public static RouteNamespace create() {
    String name = PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    RouteNamespace namespace = new RouteNamespace(name);
    KernelCommand.run("ip", "netns", "add", namespace.name);
    try {
      namespace.ip("link", "set", "lo", "up");
      namespace.ip("link", "add", LINK, "type", "veth", "peer", "name", "rt9b");
      namespace.ip("link", "set", LINK, "up");
      namespace.ip("link", "set", "rt9b", "up");
      namespace.ip("address", "add", IPV4_LINK, "dev", LINK);
      // No DAD, so the address (and the gateways its prefix reaches) are usable at once.
      namespace.ip("address", "add", IPV6_LINK, "dev", LINK, "nodad");
      namespace.inside = NamespaceThread.enter(namespace.name);
      return namespace;
    } catch (RuntimeException | AssertionError failure) {
      namespace.close();
      throw failure;
    }
  }

  public String name() {
    return name;
  }

  /** The thread inside this namespace, on which the adapter under test is called. */
  public NamespaceThread inside() {
    return inside;
  }

  /** Runs {@code ip -n <this> args…} and returns its stdout; fails the test if it fails. */
  public String ip(String... args) {
    return KernelCommand.run(argv("ip", args));
  }

  /** Like {@link #ip} but reports failure instead of failing the test. */
  public KernelCommand.Result attemptIp(String... args) {
    return KernelCommand.attempt(argv("ip", args));
  }

  /** Runs {@code bridge -n <this> args…} (a VXLAN device's forwarding entries) and returns its stdout. */
  public String bridge(String... args) {
    return KernelCommand.run(argv("bridge", args));
  }

  /** Main-table routes to exactly {@code cidr}, any protocol or type, as {@code ip -j} prints them. */
  public JsonNode routesTo(String cidr) {
    return KernelState.parse(ip("-j", cidr.contains(":") ? "-6" : "-4", "route", "show", "exact", cidr));
  }

  /** Every main-table route of one family ({@code -4} or {@code -6}). */
  public JsonNode routes(String family) {
    return KernelState.parse(ip("-j", family, "route", "show"));
  }

  /** Every route of one family in another table. */
  public JsonNode routesInTable(String family, String table) {
    return KernelState.parse(ip("-j", family, "route", "show", "table", table));
  }

  /** {@code tool -n <this> args…}: ip and bridge take the namespace alike. */
  private List<String> argv(String tool, String... args) {
    List<String> argv = new ArrayList<>(List.of(tool, "-n", name));
    argv.addAll(List.of(args));
    return argv;
  }

  @Override
  public void close() {
    try {
      if (inside != null) {
        inside.close();
      }
    } finally {
      KernelCommand.attempt("ip", "netns", "del", name);
    }
  }
}
