package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.model.IpFamily;

/**
 * The host IP of a family: the configured one ({@code CALICO_HOST_IP}, {@code CALICO_HOST_IPV6}), else the first
 * global address of that family on an interface that is not a container's ({@code cali*}) or Docker's bridge —
 * the rule the original plugin used. The host profile admits the IPv4 one; other hosts route to both.
 */
public final class HostIpChoice {
  private HostIpChoice() {}

  /** The IPv4 host IP, as the host profile names it. */
  static Optional<IPAddress> choose(Optional<IPAddress> configured, List<HostAddress> hostAddresses) {
    return choose(configured, hostAddresses, IpFamily.V4);
  }

  public static Optional<IPAddress> choose(Optional<IPAddress> configured, List<HostAddress> hostAddresses,
      IpFamily family) {
    if (configured.isPresent()) {
      return configured;
    }
    return hostAddresses.stream()
        .filter(a -> IpFamily.of(a.address()) == family)
        .filter(a -> !a.interfaceName().startsWith(VethPlanner.HOST_INTERFACE_PREFIX))
        .filter(a -> !a.interfaceName().value().equals("docker0"))
        .map(a -> a.address().withoutPrefixLength())
        .findFirst();
  }
}
