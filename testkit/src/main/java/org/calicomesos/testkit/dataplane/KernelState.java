package org.calicomesos.testkit.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the kernel holds for one plumbed container, read with {@code ip -j} and normalised so that two adapters
 * applying the same plan produce equal snapshots: interface indexes, statistics, lifetimes and the container end's
 * random MAC (and the link-local address derived from it) are left out, and lists are sorted.
 *
 * @param links interfaces with their addresses ({@code ip -j addr show})
 * @param routes routes of every table ({@code ip -j route show table all}, both families)
 */
public record KernelState(List<String> links, List<String> routes) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fields that differ between two equal configurations: indexes, counters, timers, transient flags. */
  private static final Set<String> VOLATILE = Set.of("ifindex", "link_index", "link_netnsid", "stats", "stats64",
      "valid_life_time", "preferred_life_time", "expires", "tentative", "linkmode", "cacheinfo", "used");

  /** Everything in the container's namespace (its loopback and {@code eth0}). */
  public static KernelState ofContainer(NetnsContainer container) {
    String mac = linkAddress(container.run("ip", "-j", "link", "show", "dev", "eth0"));
    List<String> links = normalise(container.run("ip", "-j", "addr", "show"), mac, true);
    List<String> routes = new ArrayList<>();
    routes.addAll(normalise(container.run("ip", "-j", "-4", "route", "show", "table", "all"), mac, true));
    routes.addAll(normalise(container.run("ip", "-j", "-6", "route", "show", "table", "all"), mac, true));
    routes.sort(Comparator.naturalOrder());
    return new KernelState(links, routes);
  }

  /**
   * The host's side of a plan: the host interface with its addresses, every route through it (all tables, both
   * families), and our ({@code proto 196}) blackholes.
   */
  public static KernelState ofHost(String hostInterface) {
    List<String> links = normalise(KernelCommand.run("ip", "-j", "addr", "show", "dev", hostInterface), null, false);
    List<String> routes = new ArrayList<>();
    for (String family : List.of("-4", "-6")) {
      routes.addAll(normalise(KernelCommand.run("ip", "-j", family, "route", "show", "table", "all", "dev",
          hostInterface), null, false));
      routes.addAll(normalise(KernelCommand.run("ip", "-j", family, "route", "show", "table", "all", "type",
          "blackhole", "proto", "196"), null, false));
    }
    routes.sort(Comparator.naturalOrder());
    return new KernelState(links, routes);
  }

  /** One host link entry without its volatile fields, to compare an interface before and after. */
  public static String normalisedHostLink(JsonNode link) {
    ObjectNode copy = link.deepCopy();
    stripVolatile(copy);
    return render(copy);
  }

  /** The {@code address} (MAC) of the first link in {@code ip -j link} output. */
  public static String linkAddress(String ipJson) {
    return parse(ipJson).path(0).path("address").asText();
  }

  /** Parses {@code ip -j} output (an array; empty output counts as an empty array). */
  public static JsonNode parse(String ipJson) {
    if (ipJson.isBlank()) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(ipJson);
    } catch (IOException e) {
      throw new UncheckedIOException("ip printed JSON we cannot read: " + ipJson, e);
    }
  }

  private static List<String> normalise(String ipJson, String randomMac, boolean dropLinkLocal) {
    List<String> entries = new ArrayList<>();
    for (JsonNode entry : parse(ipJson)) {
      ObjectNode copy = entry.deepCopy();
      stripVolatile(copy);
      if (randomMac != null && randomMac.equals(copy.path("address").asText())) {
        copy.put("address", "<random mac>");
      }
      if (copy.get("addr_info") instanceof ArrayNode addresses) {
        ArrayNode kept = JSON.createArrayNode();
        addresses.forEach(a -> {
          if (!(dropLinkLocal && "link".equals(a.path("scope").asText()) && a.path("local").asText().startsWith("fe80"))) {
            kept.add(a);
          }
        });
        copy.set("addr_info", kept);
      }
      // The container's own link-local address (and its local route) follows its random MAC.
      String dst = copy.path("dst").asText();
      if (dropLinkLocal && dst.startsWith("fe80::") && !dst.equals("fe80::/64") && !dst.equals("fe80::")) {
        continue;
      }
      entries.add(render(copy));
    }
    entries.sort(Comparator.naturalOrder());
    return entries;
  }

  private static void stripVolatile(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(VOLATILE);
      object.forEach(KernelState::stripVolatile);
    } else if (node instanceof ArrayNode array) {
      array.forEach(KernelState::stripVolatile);
    }
  }

  private static String render(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
