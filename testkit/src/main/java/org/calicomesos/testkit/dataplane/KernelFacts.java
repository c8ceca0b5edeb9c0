package org.calicomesos.testkit.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what the kernel has, with {@code ip -j} and {@code /proc/sys}, never through the adapter under test. */
public final class KernelFacts {
  private KernelFacts() {}

  /** The host interface's {@code ip -j link} entry, if it exists. */
  public static Optional<JsonNode> hostLink(String name) {
    KernelCommand.Result result = KernelCommand.attempt("ip", "-j", "addr", "show", "dev", name);
    return result.succeeded() ? Optional.of(KernelState.parse(result.stdout()).path(0)) : Optional.empty();
  }

  /** The container interface's {@code ip -j addr} entry, if it exists. */
  public static Optional<JsonNode> containerLink(NetnsContainer container, String name) {
    KernelCommand.Result result = container.attempt("ip", "-j", "addr", "show", "dev", name);
    return result.succeeded() ? Optional.of(KernelState.parse(result.stdout()).path(0)) : Optional.empty();
  }

  /** Names of every interface in the host namespace. */
  public static List<String> hostLinkNames() {
    List<String> names = new ArrayList<>();
    KernelState.parse(KernelCommand.run("ip", "-j", "link", "show")).forEach(l -> names.add(l.path("ifname").asText()));
    return names;
  }

  /** Main-table routes of the host to exactly {@code cidr} (any type). */
  public static JsonNode hostRoutesTo(String cidr) {
    String family = cidr.contains(":") ? "-6" : "-4";
    return KernelState.parse(KernelCommand.run("ip", "-j", family, "route", "show", "exact", cidr));
  }

  /** Main-table blackhole routes of the host to exactly {@code cidr}, with their protocol. */
  public static JsonNode hostBlackholesTo(String cidr) {
    String family = cidr.contains(":") ? "-6" : "-4";
    return KernelState.parse(KernelCommand.run("ip", "-j", family, "route", "show", "exact", cidr, "type",
        "blackhole"));
  }

  /** Main-table routes in the container, one family. */
  public static JsonNode containerRoutes(NetnsContainer container, String family) {
    return KernelState.parse(container.run("ip", "-j", family, "route", "show"));
  }

  /** A host sysctl as the kernel reports it now. */
  public static String sysctl(String key) {
    try {
      return Files.readString(Path.of("/proc/sys", key)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/sys/" + key, e);
    }
  }
}
