package org.calicomesos.ports.policy.selector;

import java.util.Map;

/** PLACEHOLDER. */
public final class MesosLabels {
  private MesosLabels() {}

  public static Map<String, String> sanitized(Map<String, String> labels) {
    return labels;
  }

  public static String sanitize(String text) {
    return text;
  }
}
