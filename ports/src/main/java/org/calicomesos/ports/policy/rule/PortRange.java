package org.calicomesos.ports.policy.rule;

import org.calicomesos.ports.model.Excerpt;

/** A port or an inclusive range of ports, 0–65535, written {@code 80} or {@code 8000:8080} as Calico writes them. */
public record PortRange(int first, int last) {
  public PortRange {
    if (first < 0 || last > 65535 || first > last) {
      throw new InvalidPolicyException("ports", "must be ports from 0 to 65535, first no greater than last, not "
          + first + ":" + last);
    }
  }

  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  /** {@code 80}, {@code "80"} or {@code "8000:8080"}. */
  public static PortRange parse(String field, String text) {
    String value = String.valueOf(text).strip();
    String[] bounds = value.split(":", -1);
    if (bounds.length <= 2 && bounds[0].matches("[0-9]{1,5}") && (bounds.length == 1 || bounds[1].matches("[0-9]{1,5}"))) {
      int first = Integer.parseInt(bounds[0]);
      int last = bounds.length == 1 ? first : Integer.parseInt(bounds[1]);
      if (last <= 65535 && first <= last) {
        return new PortRange(first, last);
      }
    }
    throw new InvalidPolicyException(field, "must be a port from 0 to 65535 or a range such as 8000:8080, not '"
        + Excerpt.of(value) + "'");
  }

  public boolean isSingle() {
    return first == last;
  }

  /** {@code 80} or {@code 8000:8080}. */
  public String text() {
    return isSingle() ? Integer.toString(first) : first + ":" + last;
  }

  @Override
  public String toString() {
    return text();
  }
}
