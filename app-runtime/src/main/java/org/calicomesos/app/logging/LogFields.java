package org.calicomesos.app.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Named values that a log line carries beside its message, in order: {@code key=value} pairs in text lines,
 * members of the object in JSON lines. A value is a string, a whole number or {@code null} (absent). Values
 * are escaped by the formats; callers still pass only validated or bounded values, as they would in a message.
 */
public final class LogFields {
  private final List<String> names = new ArrayList<>(8);
  private final List<Object> values = new ArrayList<>(8);

  /** Adds a text field; {@code null} means the value is absent ({@code -} in text, {@code null} in JSON). */
  public LogFields add(String name, String value) {
    names.add(Objects.requireNonNull(name, "name"));
    values.add(value);
    return this;
  }

  /** Adds a number field. */
  public LogFields add(String name, long value) {
    names.add(Objects.requireNonNull(name, "name"));
    values.add(value);
    return this;
  }

  int size() {
    return names.size();
  }

  String name(int index) {
    return names.get(index);
  }

  /** A {@link String}, a {@link Long} or {@code null}. */
  Object value(int index) {
    return values.get(index);
  }
}
