package org.calicomesos.app.mesos;

import org.calicomesos.app.json.JsonKind;
import org.calicomesos.ports.model.Excerpt;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * A task's labels, in either encoding: the isolator's protobuf list {@code [{"key": k, "value": v}]} where
 * {@code value} may be missing (then ""), or the documented object {@code {"k": "v"}}. Both protocols read them:
 * net-modules from its {@code labels}, CNI from Mesos' {@code network_info}.
 */
public final class TaskLabels {
  public static final TaskLabels NONE = new TaskLabels(Map.of());
  public static final int MAX_LABELS = 256;
  public static final int MAX_KEY_CHARS = 256;
  public static final int MAX_VALUE_CHARS = 4096;
  private static final String SHAPE = "labels must be a list of {\"key\": .., \"value\": ..} objects or an object of strings";

  private final Map<String, String> values;

  private TaskLabels(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static TaskLabels parse(JsonNode node) {
    if (node.size() > MAX_LABELS) {
      throw new InvalidRequestException("labels has " + node.size() + " entries; at most " + MAX_LABELS + " are allowed");
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (node.isArray()) {
      for (JsonNode label : node) {
        if (!label.isObject()) {
          throw new InvalidRequestException(SHAPE);
        }
        put(values, text(label.get("key"), true), text(label.get("value"), false));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        put(values, field.getKey(), text(field.getValue(), false));
      }
    } else {
      throw new InvalidRequestException(SHAPE + ", not " + JsonKind.of(node));
    }
    return new TaskLabels(values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Map<String, String> asMap() {
    return values;
  }

  private static String text(JsonNode node, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        throw new InvalidRequestException("a label has no key; " + SHAPE);
      }
      return "";
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException(SHAPE + ", but a label holds " + JsonKind.of(node));
    }
    return node.textValue();
  }

  private static void put(Map<String, String> values, String key, String value) {
    if (key.isEmpty() || key.length() > MAX_KEY_CHARS) {
      throw new InvalidRequestException("a label key must have 1 to " + MAX_KEY_CHARS + " characters");
    }
    if (value.length() > MAX_VALUE_CHARS) {
      throw new InvalidRequestException("label " + Excerpt.of(key) + " is longer than " + MAX_VALUE_CHARS + " characters");
    }
    // Labels are stored on the endpoint and shown in logs and tables: no line breaks or other control characters.
    if (hasControlCharacter(key) || hasControlCharacter(value)) {
      throw new InvalidRequestException("label " + Excerpt.of(key) + " holds a control character");
    }
    // Mesos allows repeated keys and the later one wins here; the static-IP label must not be ambiguous.
    if (StaticAddressLabel.KEY.equals(key) && values.containsKey(key)) {
      throw new InvalidRequestException("label " + key + " is given twice");
    }
    values.put(key, value);
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }
}
