package org.calicomesos.ports.model;

import java.util.Objects;

/**
 * One port of the host mapped to one port of a container, as Docker's {@code -p}, CNI's {@code portMappings} and
 * Mesos' {@code NetworkInfo.port_mappings} mean it: connections to any of the host's addresses on
 * {@code hostPort} reach the container on {@code containerPort}. A host port is mapped at most once per protocol
 * on one host.
 */
public record PortMapping(int hostPort, int containerPort, TransportProtocol protocol) {
  public static final int MAX_PORT = 65_535;

  public PortMapping {
    Objects.requireNonNull(protocol, "protocol");
    requirePort("host port", hostPort);
    requirePort("container port", containerPort);
  }

  private static void requirePort(String what, int port) {
    if (port < 1 || port > MAX_PORT) {
      throw new InvalidRequestException(what + " " + port + " is out of range: a port is 1 to " + MAX_PORT);
    }
  }

  /** Whether the two claim the same host port: same protocol and number, whatever the container's port. */
  public boolean sharesHostPort(PortMapping other) {
    return protocol == other.protocol && hostPort == other.hostPort;
  }

  /** {@code tcp 8080→80}. */
  @Override
  public String toString() {
    return protocol.keyword() + " " + hostPort + "→" + containerPort;
  }
}
