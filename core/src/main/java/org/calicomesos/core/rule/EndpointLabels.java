package org.calicomesos.core.rule;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.calicomesos.ports.policy.selector.MesosLabels;

/**
 * The labels a selector sees on an endpoint, as Calico builds them: every tag of its profiles as a label with an
 * empty value (so {@code has(prod)} selects netgroup {@code prod}, as Calico's upgrade turned v1 tags into labels),
 * then the endpoint's own labels over them, keys and values sanitized as Calico's CNI plugin sanitizes Mesos labels.
 */
public final class EndpointLabels {
  private EndpointLabels() {}

  public static Map<String, String> effective(Map<String, String> labels, Collection<String> tags) {
    return withTags(MesosLabels.sanitized(labels), tags);
  }

  /** As {@link #effective}, from labels already sanitized with {@link MesosLabels#sanitized}. */
  public static Map<String, String> withTags(Map<String, String> sanitized, Collection<String> tags) {
    if (tags.isEmpty()) {
      return sanitized;
    }
    Map<String, String> effective = new TreeMap<>();
    for (String tag : tags) {
      String key = MesosLabels.sanitize(tag);
      if (!key.isEmpty()) {
        effective.put(key, "");
      }
    }
    effective.putAll(sanitized);
    return effective;
  }
}
