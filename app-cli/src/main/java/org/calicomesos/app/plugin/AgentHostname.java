package org.calicomesos.app.plugin;

import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * The {@code hostname} a request carries: the Mesos agent's {@code --hostname} (a DNS name or an IP). It is
 * logged and recorded, but the node identity is the configured node name (docs/net-modules-protocol.md,
 * "Host identity").
 */
record AgentHostname(String value) {
  AgentHostname {
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException("hostname is missing");
    }
    if (value.length() > 253 || !value.matches("[A-Za-z0-9][A-Za-z0-9_.:-]*")) {
      throw new InvalidRequestException("hostname '" + Excerpt.of(value)
          + "' is not a host name or IP address");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
