package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
      throw new DataplaneException("ip printed output that is not the JSON we expect: " + e.getMessage(), e);
    }
    return arrays;
  }

  static JsonNode array(String output) {
    List<JsonNode> arrays = arrays(output);
    return arrays.isEmpty() ? JSON.createArrayNode() : arrays.get(0);
  }
}
