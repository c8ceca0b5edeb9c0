package org.calicomesos.app.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.app.json.JsonKind;
import org.calicomesos.ports.model.Excerpt;

/**
 * Reads fields of the network configuration by their dotted path ({@code ipam.ipv4_pools}); absent and
 * {@code null} are the same, and a value of the wrong type is refused naming the path (code 7).
 */
final class ConfigFields {
  static final int MAX_LIST = 256;

  private ConfigFields() {}

  static Optional<JsonNode> get(JsonNode parent, String field) {
    JsonNode value = parent == null ? null : parent.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  static Optional<ObjectNode> object(JsonNode parent, String field, String path) {
    Optional<JsonNode> value = get(parent, field);
    if (value.isPresent() && !value.get().isObject()) {
      throw refused(path + " must be an object, got " + JsonKind.of(value.get()));
    }
    return value.map(ObjectNode.class::cast);
  }

  static Optional<String> text(JsonNode parent, String field, String path) {
    Optional<JsonNode> value = get(parent, field);
    if (value.isPresent() && !value.get().isTextual()) {
      throw refused(path + " must be a string, got " + JsonKind.of(value.get()));
    }
    return value.map(JsonNode::textValue);
  }

  /** A boolean, or the strings "true"/"false" Calico's configurations used; {@code otherwise} when absent. */
  static boolean flag(JsonNode parent, String field, String path, boolean otherwise) {
    Optional<JsonNode> value = get(parent, field);
    if (value.isEmpty()) {
      return otherwise;
    }
    JsonNode node = value.get();
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
      return node.textValue().equals("true");
    }
    throw refused(path + " must be true or false, got " + JsonKind.describe(node));
  }

  static List<String> texts(JsonNode parent, String field, String path) {
    List<String> texts = new ArrayList<>();
    for (JsonNode element : list(parent, field, path)) {
      if (!element.isTextual()) {
        throw refused(path + " must be a list of strings, but holds " + JsonKind.of(element));
      }
      texts.add(element.textValue());
    }
    return texts;
  }

  static List<JsonNode> list(JsonNode parent, String field, String path) {
    Optional<JsonNode> value = get(parent, field);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!value.get().isArray()) {
      throw refused(path + " must be a list, got " + JsonKind.of(value.get()));
    }
    if (value.get().size() > MAX_LIST) {
      throw refused(path + " has " + value.get().size() + " entries; at most " + MAX_LIST + " are allowed");
    }
    List<JsonNode> elements = new ArrayList<>();
    value.get().forEach(elements::add);
    return elements;
  }

  static CniRequestException refused(String sentence) {
    return new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, sentence);
  }

  static String quoted(String text) {
    return "'" + Excerpt.of(text) + "'";
  }
}
