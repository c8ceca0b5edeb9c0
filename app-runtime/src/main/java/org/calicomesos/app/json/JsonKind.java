package org.calicomesos.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.calicomesos.ports.model.Excerpt;

/** How a request's JSON value reads in an error sentence: "an object", "a list", "'abc'", … */
public final class JsonKind {
  private JsonKind() {}

  /** "an object", "a list", "a number", … for messages about a value of the wrong type. */
  public static String of(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "a list";
      case NUMBER:
        return "a number";
      case STRING:
        return "a string";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  /** A short, printable rendering of a bad value: never a whole blob, never control characters. */
  public static String describe(JsonNode node) {
    if (node.isNumber()) {
      return Excerpt.of(node.asText());
    }
    return node.isTextual() ? "'" + Excerpt.of(node.textValue()) + "'" : of(node);
  }
}
