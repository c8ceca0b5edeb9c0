package org.calicomesos.ports.node;

import inet.ipaddr.IPAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;

/**
 * A host's record of itself ({@code <prefix>/v1/host/<node>/registration}), written by its agent alone: the
 * addresses other hosts route its blocks to, the agent's version, and when the agent last rewrote it.
 */
public record HostRegistration(NodeName node, Optional<IPAddress> ipv4, Optional<IPAddress> ipv6, String version,
    Instant heartbeat) {
  public HostRegistration {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(heartbeat, "heartbeat");
    requirePlain(ipv4, IpFamily.V4);
    requirePlain(ipv6, IpFamily.V6);
  }

  /** The host's address of {@code family}, the gateway of routes to its addresses of that family. */
  public Optional<IPAddress> address(IpFamily family) {
    return family == IpFamily.V4 ? ipv4 : ipv6;
  }

  private static void requirePlain(Optional<IPAddress> address, IpFamily family) {
    Objects.requireNonNull(address, family.displayName());
    if (address.isPresent() && (address.get().isPrefixed() || IpFamily.of(address.get()) != family)) {
      throw new IllegalArgumentException("host " + family.displayName() + " address must be a plain "
          + family.displayName() + " address, not " + address.get());
    }
  }
}
