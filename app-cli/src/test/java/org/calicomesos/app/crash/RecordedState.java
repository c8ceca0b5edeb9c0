package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.calicomesos.ports.model.Addresses;

/**
 * What the datastore says at one moment, as the operator reads it ({@link StoreReadouts}): the endpoints
 * ({@code endpoint list}), the consistency check ({@code ipam check}) and the blocks ({@code ipam show}).
 */
record RecordedState(JsonNode endpoints, JsonNode check, JsonNode ipam) {
  /** The host ends the endpoints of {@code node} name. */
  Set<String> interfacesOf(String node) {
    Set<String> names = new TreeSet<>();
    endpoints.forEach(e -> {
      if (e.path("node").asText().equals(node)) {
        names.add(e.path("interface").asText());
      }
    });
    return names;
  }

  /** The blocks whose record names {@code node} as their host. */
  Set<String> blocksOf(String node) {
    Set<String> blocks = new TreeSet<>();
    ipam.path("blocks").forEach(b -> {
      if (b.path("affinity").asText().equals(node)) {
        blocks.add(b.path("cidr").asText());
      }
    });
    return blocks;
  }

  /** The block of {@code ipam show} that holds {@code net} (an endpoint's {@code 192.168.70.128/32}). */
  String blockHolding(String net) {
    IPAddress address = Addresses.parseAnyAddress("net", net.substring(0, net.indexOf('/')));
    for (JsonNode block : ipam.path("blocks")) {
      if (Addresses.parseCidr("block", block.path("cidr").asText()).contains(address)) {
        return block.path("cidr").asText();
      }
    }
    throw new AssertionError("no block holds " + net + ": " + ipam.path("blocks"));
  }

  /** Each endpoint's IPv4 and IPv6 nets, in order. */
  List<String> nets(JsonNode endpoint) {
    List<String> nets = new ArrayList<>();
    endpoint.path("ipv4_nets").forEach(n -> nets.add(n.asText()));
    endpoint.path("ipv6_nets").forEach(n -> nets.add(n.asText()));
    return nets;
  }

  /** Addresses {@code ipam show} counts as used, over every pool. */
  long used() {
    long used = 0;
    for (JsonNode pool : ipam.path("pools")) {
      used += pool.path("used").asLong();
    }
    return used;
  }
}
