package org.calicomesos.ports.endpoint;

import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NodeName;

/**
 * {@code endpoint list} and {@code endpoint show}: the workload endpoint records in the datastore, read-only.
 * A record that cannot be decoded is listed as unreadable rather than failing the listing.
 */
public interface ListEndpointsUseCase {
  /** Every endpoint of every host, or of {@code host} only; ordered by node, container and endpoint id. */
  List<WorkloadEndpoint> list(Optional<NodeName> host);

  /**
   * The container's endpoints (on {@code host} only, if given), in the same order.
   *
   * @throws EndpointNotFoundException when there is none
   */
  List<WorkloadEndpoint> ofContainer(ContainerId container, Optional<NodeName> host);
}
