package org.calicomesos.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of a record's fields; a missing or mistyped field is an {@link IllegalArgumentException} naming it. */
public final class Fields {
  private Fields() {}

  public static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
    }
    return value.asText();
  }

  public static int integer(JsonNode value, String field) {
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' holds a non-integer");
    }
    return value.intValue();
  }

  public static JsonNode array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a list");
    }
    return value;
  }

  /** A list of strings; absent means empty. */
  public static List<String> texts(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : array(node, field)) {
      if (!element.isTextual()) {
        throw new IllegalArgumentException("field '" + field + "' holds a non-string");
      }
      texts.add(element.asText());
    }
    return texts;
  }
}
