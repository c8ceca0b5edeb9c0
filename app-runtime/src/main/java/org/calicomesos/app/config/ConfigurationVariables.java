package org.calicomesos.app.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * The variables of an environment that the configuration reader reads: the rest of a client's environment is none
 * of the configuration's business, and two requests with the same of these share one configuration.
 */
public final class ConfigurationVariables {
  private static final String[] PREFIXES = {"CALICO_", "ETCD_", "CONSUL_"};

  private ConfigurationVariables() {}

  /** Whether the configuration reads {@code name}. */
  public static boolean isConfiguration(String name) {
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The configuration's variables of {@code environment}, sorted by name. */
  public static Map<String, String> of(Map<String, String> environment) {
    Map<String, String> configuration = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (isConfiguration(name)) {
        configuration.put(name, value);
      }
    });
    return configuration;
  }
}
