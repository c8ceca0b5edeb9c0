package org.calicomesos.app.plugin;

import java.util.Map;
import org.calicomesos.ports.model.NodeName;

/** What is stored with each assigned address, so {@code ipam show} and the leak check can say who asked. */
final class AddressAttributes {
  private AddressAttributes() {}

  static Map<String, String> of(NodeName node, AgentHostname hostname) {
    return Map.of("node", node.value(), "hostname", hostname.value());
  }
}
