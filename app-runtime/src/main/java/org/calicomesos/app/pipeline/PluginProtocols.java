package org.calicomesos.app.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The plugin protocols this build speaks, by name; the composition root lists them. */
public final class PluginProtocols {
  private final Map<String, PluginProtocol> byName = new TreeMap<>();

  public PluginProtocols(PluginProtocol... protocols) {
    for (PluginProtocol protocol : protocols) {
      if (byName.put(protocol.name(), protocol) != null) {
        throw new IllegalArgumentException("two protocols are named " + protocol.name());
      }
    }
  }

  public Optional<PluginProtocol> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
