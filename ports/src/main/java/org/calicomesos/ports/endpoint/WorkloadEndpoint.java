package org.calicomesos.ports.endpoint;

import java.util.Objects;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NodeName;

/**
 * One endpoint record as the datastore holds it: where its key puts it (node, container, endpoint id), and its
 * content or why that could not be read.
 */
public record WorkloadEndpoint(NodeName node, ContainerId container, EndpointId id, Readout<EndpointDetails> details) {
  public WorkloadEndpoint {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(details, "details");
  }
}
