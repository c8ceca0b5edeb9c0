package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.model.NodeName;

/**
 * What the deployment says about this host's endpoints: its node name ({@code CALICO_NODENAME}), the MTU of
 * container interfaces ({@code CALICO_MTU}, default 1500) and, if set, the host IP the host profile names
 * ({@code CALICO_HOST_IP}; otherwise found from the host's interfaces).
 */
public record EndpointSettings(NodeName node, int mtu, Optional<IPAddress> hostIp) {
  public static final int DEFAULT_MTU = 1500;

  public EndpointSettings {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(hostIp, "hostIp");
    if (mtu < VethPlan.MIN_MTU || mtu > VethPlan.MAX_MTU) {
      throw new IllegalArgumentException("MTU must be between " + VethPlan.MIN_MTU + " and " + VethPlan.MAX_MTU);
    }
  }
}
