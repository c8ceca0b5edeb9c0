package org.calicomesos.ports.policy.selector;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns Mesos labels, which may be any unicode, into the Calico labels that Calico's CNI plugin gives the endpoint,
 * so that a selector can be checked against what Calico will see.
 */
public final class MesosLabels {
  private static final Pattern INVALID = Pattern.compile("[^-_.A-Za-z0-9]+");
  private static final Pattern DOTS_AND_DASHES_WITH_A_DOT = Pattern.compile("[.-]*\\.[.-]*");
  private static final Pattern LEADING_OR_TRAILING = Pattern.compile("^[.-]+|[.-]+$");

  private MesosLabels() {}

  /**
   * Every key and value sanitized, sorted by key. When two keys sanitize to the same key, the entry whose original key
   * sorts first (by {@link String#compareTo}) wins, so the result does not depend on the map's iteration order. A key
   * that sanitizes to "" (say "//") is dropped, since Calico has no empty label key; an empty value is kept.
   */
  public static Map<String, String> sanitized(Map<String, String> labels) {
    Map<String, String> result = new TreeMap<>();
    new TreeMap<>(labels).forEach((key, value) -> {
      String sanitizedKey = sanitize(key);
      if (!sanitizedKey.isEmpty()) {
        result.putIfAbsent(sanitizedKey, sanitize(Objects.requireNonNull(value, "value")));
      }
    });
    return Collections.unmodifiableMap(result);
  }

  /**
   * Calico's rule, in order: '/' becomes '.'; each run of characters other than '-', '_', '.', ASCII letters and
   * digits becomes one '-'; each run of '.' and '-' holding a '.' becomes one '.'; leading and trailing '.' and '-'
   * go. For example "Foo Bar/baz" becomes "Foo-Bar.baz" and "héllo" becomes "h-llo".
   */
  public static String sanitize(String text) {
    String result = text.replace('/', '.');
    result = INVALID.matcher(result).replaceAll("-");
    result = DOTS_AND_DASHES_WITH_A_DOT.matcher(result).replaceAll(".");
    return LEADING_OR_TRAILING.matcher(result).replaceAll("");
  }
}
