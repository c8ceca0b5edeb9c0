package org.calicomesos.ports.dataplane;

import java.util.regex.Pattern;

/**
 * One kernel setting under {@code /proc/sys}, written as its path there ({@code net/ipv4/conf/cali0123/proxy_arp})
 * and applied in the namespace the plan says. The key is checked so it can only name a file under
 * {@code /proc/sys/net}. An {@code optional} setting is skipped where the kernel does not have it (e.g.
 * {@code force_forwarding}, new in Linux 6.17); a required one that is missing fails the plan.
 */
public record Sysctl(String key, String value, boolean optional) {
  private static final Pattern KEY = Pattern.compile("net(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+");
  private static final Pattern VALUE = Pattern.compile("[0-9A-Za-z_.-]{1,64}");

  public Sysctl(String key, String value) {
    this(key, value, false);
  }

  /** A setting to apply where this kernel has it. */
  public static Sysctl ifSupported(String key, String value) {
    return new Sysctl(key, value, true);
  }

  public Sysctl {
    if (key == null || !KEY.matcher(key).matches() || key.contains("..") || key.length() > 256) {
      throw new IllegalArgumentException("sysctl key must be a path under net/, got " + key);
    }
    if (value == null || !VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("sysctl value must be a short word, got " + value);
    }
  }


  @Override
  public String toString() {
    return key + "=" + value;
  }
}
