package org.calicomesos.adapters.consul;

/**
 * Maps the port's absolute keys ({@code /calico/ipam/...}) to Consul's, which have no leading slash
 * ({@code calico/ipam/...}), and back: the same logical layout as on every other store.
 */
final class ConsulKeys {
  private ConsulKeys() {}

  /** A key or a key prefix, as Consul stores it. */
  static String toConsul(String key) {
    if (!key.startsWith("/")) {
      throw new IllegalArgumentException("keys are absolute paths, got '" + key + "'");
    }
    return key.substring(1);
  }

  /** A prefix for {@code list}/{@code watch}; the empty prefix means every key, as "/" does. */
  static String prefixToConsul(String prefix) {
    return prefix.isEmpty() ? "" : toConsul(prefix);
  }

  static String fromConsul(String consulKey) {
    return "/" + consulKey;
  }
}
