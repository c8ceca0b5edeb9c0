package org.calicomesos.core.portmap;

import java.util.Objects;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;

/**
 * Who holds one host port of a node: the endpoint (and its container) whose record maps it. The endpoint id alone
 * decides ownership, since it is derived from the attachment; the container names the holder to an operator and
 * finds its record.
 */
public record PortClaim(ContainerId container, EndpointId endpoint) {
  public PortClaim {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
