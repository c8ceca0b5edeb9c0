package org.calicomesos.app.admin.diags;

import java.util.Map;
import java.util.stream.Collectors;
import org.calicomesos.app.config.ConfigurationReader;

/**
 * {@code configuration.txt}: the configuration as the plugin reads it (its summary, which names credential
 * variables but never their values), and the names of the CALICO_, ETCD_ and CONSUL_ variables that are set, so a
 * misspelt one shows. A configuration the reader refuses fails the item with the reader's message.
 */
final class ConfigurationItem implements DiagnosticItem {
  private final Map<String, String> environment;
  private final ConfigurationReader reader;

  ConfigurationItem(Map<String, String> environment, ConfigurationReader reader) {
    this.environment = environment;
    this.reader = reader;
  }

  @Override
  public String name() {
    return "configuration";
  }

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public ItemText collect() {
    String names = environment.keySet().stream()
        .filter(name -> name.startsWith("CALICO_") || name.startsWith("ETCD_") || name.startsWith("CONSUL_"))
        .sorted()
        .collect(Collectors.joining(" "));
    String summary = reader.read(environment).summary();
    return ItemText.collected("configuration: " + summary + "\nvariables set (names only): "
        + (names.isEmpty() ? "none" : names) + "\n");
  }
}
