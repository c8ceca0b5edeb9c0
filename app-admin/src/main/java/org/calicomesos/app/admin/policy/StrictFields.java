package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;

/**
 * Reading one mapping of a policy document by its absolute path ({@code spec.ingress[0].source}): a field we do not
 * know is refused by name, never ignored, so a policy never means less than its author wrote.
 */
final class StrictFields {
  private final JsonNode node;
  private final String path;

  private StrictFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** @throws InvalidPolicyException when {@code node} is not a mapping or has a field not in {@code known} */
  static StrictFields of(JsonNode node, String path, Set<String> known) {
    if (!node.isObject()) {
      throw new InvalidPolicyException(path, "must be a mapping");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidPolicyException(child(path, name), "is not supported");
      }
    }
    return new StrictFields(node, path);
  }

  /** The field, absent when missing or null (YAML's {@code selector:} with nothing after it). */
  Optional<JsonNode> get(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  Optional<String> text(String name) {
    return get(name).map(value -> {
      if (!value.isTextual()) {
        throw new InvalidPolicyException(path(name), "must be a string");
      }
      return value.asText();
    });
  }

  /** A list field; absent is empty. */
  Iterable<JsonNode> list(String name) {
    Optional<JsonNode> value = get(name);
    if (value.isEmpty()) {
      return Set.of();
    }
    if (!value.get().isArray()) {
      throw new InvalidPolicyException(path(name), "must be a list");
    }
    return value.get();
  }

  /** The absolute path of a field of this mapping. */
  String path(String name) {
    return child(path, name);
  }

  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String element(String path, int index) {
    return path + "[" + index + "]";
  }
}
