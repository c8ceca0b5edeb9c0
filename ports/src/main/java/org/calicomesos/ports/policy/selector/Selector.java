package org.calicomesos.ports.policy.selector;

import java.util.Map;
import java.util.Set;

/** PLACEHOLDER until the real parser lands: all() only. */
public final class Selector {
  public static final Selector ALL = new Selector("all()");
  private final String text;

  private Selector(String text) {
    this.text = text;
  }

  public static Selector parse(String text) {
    return new Selector(text.isBlank() ? "all()" : text.strip());
  }

  public boolean matches(Map<String, String> labels) {
    if (text.startsWith("has(")) {
      return labels.containsKey(text.substring(4, text.length() - 1));
    }
    return true;
  }

  public boolean matchesEverything() {
    return text.equals("all()");
  }

  public Set<String> keys() {
    return Set.of();
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selector s && s.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
