package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.DataplaneException;

/** Reads {@code ip -j} output: one JSON array per command (an {@code ip -j -batch} run prints several in a row). */
final class IpJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IpJson() {}

  static List<JsonNode> arrays(String output) {
    List<JsonNode> arrays = new ArrayList<>();
    if (output.isBlank()) {
      return arrays;
    }
    // A parser rather than readValues, which would unwrap a top-level array into its elements.
    try (JsonParser parser = JSON.createParser(output)) {
      while (parser.nextToken() != null) {
        arrays.add(JSON.readTree(parser));
      }
    } catch (IOException e) {
      throw new DataplaneException("cannot read ip's output: it is not the JSON we expect: " + e.getMessage(), e);
    }
    return arrays;
  }

  static JsonNode array(String output) {
    List<JsonNode> arrays = arrays(output);
    return arrays.isEmpty() ? JSON.createArrayNode() : arrays.get(0);
  }

  /**
   * A route's destination with its prefix length; ip prints a host route without one, and a default route read with
   * a {@code dev} filter without its family, which its gateway then tells.
   */
  static IPAddress destination(JsonNode route) {
    String dst = route.path("dst").asText();
    boolean v6 = dst.contains(":") || "inet6".equals(route.path("family").asText())
        || route.path("gateway").asText().contains(":");
    if ("default".equals(dst)) {
      return address(v6 ? "::/0" : "0.0.0.0/0");
    }
    return dst.contains("/") ? address(dst) : address(dst + (v6 ? "/128" : "/32"));
  }

  /** The routes of a {@code table all} listing that are in the main table: those that name no table. */
  static List<JsonNode> mainTable(JsonNode routes) {
    List<JsonNode> main = new ArrayList<>();
    routes.forEach(route -> {
      if (!route.has("table")) {
        main.add(route);
      }
    });
    return main;
  }

  /** A link's flags ({@code UP}, {@code LOWER_UP}, …). */
  static List<String> flags(JsonNode link) {
    List<String> flags = new ArrayList<>();
    link.path("flags").forEach(flag -> flags.add(flag.asText()));
    return flags;
  }

  static IPAddress address(String text) {
    IPAddress parsed = new IPAddressString(text).getAddress();
    if (parsed == null) {
      throw new DataplaneException("cannot read the address '" + text + "' that ip printed");
    }
    return parsed;
  }
}
