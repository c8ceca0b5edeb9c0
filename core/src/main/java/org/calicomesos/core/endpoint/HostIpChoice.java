package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.HostAddress;

/**
 * The host IP the host profile admits: the configured one, else the first global IPv4 address on an interface
 * that is not a container's ({@code cali*}) or Docker's bridge — the rule the original plugin used.
 */
final class HostIpChoice {
  private HostIpChoice() {}

  static Optional<IPAddress> choose(Optional<IPAddress> configured, List<HostAddress> hostAddresses) {
    if (configured.isPresent()) {
      return configured;
    }
    return hostAddresses.stream()
        .filter(a -> a.address().isIPv4())
        .filter(a -> !a.interfaceName().startsWith(VethPlanner.HOST_INTERFACE_PREFIX))
        .filter(a -> !a.interfaceName().value().equals("docker0"))
        .map(a -> a.address().withoutPrefixLength())
        .findFirst();
  }
}
