package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * What the kernel holds of our making at one moment: the host's {@code cali*} interfaces and our blackhole routes
 * (protocol 196) in the host's namespace, and the container's interfaces other than {@code lo}, each with its
 * global addresses ({@code 192.168.70.128/32}).
 */
record KernelState(Set<String> hostInterfaces, Set<String> blackholes, Map<String, List<String>> containerInterfaces) {
  static KernelState read(String hostNamespace, String containerNamespace) {
    Set<String> blackholes = new TreeSet<>();
    for (String family : List.of("-4", "-6")) {
      for (JsonNode route : json("ip", family, "-n", hostNamespace, "-j", "route", "show", "type", "blackhole",
          "proto", "196")) {
        blackholes.add(route.path("dst").asText());
      }
    }
    Map<String, List<String>> inside = new TreeMap<>();
    for (JsonNode link : json("ip", "-n", containerNamespace, "-j", "addr", "show")) {
      String name = link.path("ifname").asText();
      if (!name.equals("lo")) {
        List<String> addresses = new ArrayList<>();
        link.path("addr_info").forEach(a -> {
          if (a.path("scope").asText().equals("global")) { // the kernel's own link-local ones are no one's record
            addresses.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
          }
        });
        inside.put(name, addresses);
      }
    }
    return new KernelState(caliInterfaces(hostNamespace), blackholes, inside);
  }

  static Set<String> caliInterfaces(String hostNamespace) {
    Set<String> cali = new TreeSet<>();
    for (JsonNode link : json("ip", "-n", hostNamespace, "-j", "link", "show")) {
      String name = link.path("ifname").asText();
      if (name.startsWith("cali")) {
        cali.add(name);
      }
    }
    return cali;
  }

  private static JsonNode json(String... argv) {
    String out = KernelCommand.run(argv);
    try {
      return RunnerScript.JSON.readTree(out.isBlank() ? "[]" : out);
    } catch (IOException e) {
      throw new UncheckedIOException("no JSON from " + List.of(argv), e);
    }
  }
}
