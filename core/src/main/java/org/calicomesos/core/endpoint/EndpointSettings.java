package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.model.NodeName;

/**
 * What the deployment says about this host's endpoints: its node name ({@code CALICO_NODENAME}), the MTU of
 * container interfaces ({@code CALICO_MTU}, default 1500) and, if set, the host IPs ({@code CALICO_HOST_IP}, which
 * the host profile names, and {@code CALICO_HOST_IPV6}; otherwise found from the host's interfaces).
 */
public record EndpointSettings(NodeName node, int mtu, Optional<IPAddress> hostIp, Optional<IPAddress> hostIpv6) {
  public static final int DEFAULT_MTU = 1500;

  public EndpointSettings {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(hostIp, "hostIp");
    Objects.requireNonNull(hostIpv6, "hostIpv6");
    if (mtu < VethPlan.MIN_MTU || mtu > VethPlan.MAX_MTU) {
      throw new IllegalArgumentException("MTU must be between " + VethPlan.MIN_MTU + " and " + VethPlan.MAX_MTU);
    }
  }

  /** Without a configured IPv6 host IP (found from the interfaces, if the host has one). */
  public EndpointSettings(NodeName node, int mtu, Optional<IPAddress> hostIp) {
    this(node, mtu, hostIp, Optional.empty());
  }
}
