package org.calicomesos.ports.dataplane;

import java.util.regex.Pattern;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * A Linux interface name we create or look up: at most 15 characters (IFNAMSIZ - 1), letters, digits,
 * '_', '.' and '-', starting with a letter or digit, so it is safe in an argv, a {@code /proc/sys} path and a
 * netlink attribute alike.
 */
public record InterfaceName(String value) {
  public static final int MAX_LENGTH = 15;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");

  public InterfaceName {
    if (value == null || !SAFE.matcher(value).matches() || value.contains("..")) {
      throw new InvalidRequestException("interface name '" + Excerpt.of(String.valueOf(value))
          + "' must be 1 to " + MAX_LENGTH + " letters, digits, '_', '.' or '-', starting with a letter or digit");
    }
  }

  public boolean startsWith(String prefix) {
    return value.startsWith(prefix);
  }

  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InterfaceName that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
