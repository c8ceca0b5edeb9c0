package org.calicomesos.ports.model;

/**
 * The {@code hostname} a request carries: the Mesos agent's {@code --hostname} (a DNS name or an IP). It is
 * logged and recorded with the addresses it asks for, but this host's identity is the configured node name
 * ({@link NodeName}, {@code CALICO_NODENAME}; docs/net-modules-protocol.md, "Host identity").
 */
public record AgentHostname(String value) {
  public AgentHostname {
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
