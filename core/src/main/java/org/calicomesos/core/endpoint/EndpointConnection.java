package org.calicomesos.core.endpoint;

import java.util.Objects;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.VethPlan;

/** What {@link EndpointPlumbing#connect} made: the record it wrote, the plan it plumbed and what plumbing gave back. */
public record EndpointConnection(Endpoint endpoint, VethPlan plan, PlumbedInterface plumbed) {
  public EndpointConnection {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(plumbed, "plumbed");
  }
}
