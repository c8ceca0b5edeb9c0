package org.calicomesos.ports.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NodeName;

/**
 * {@code endpoint label}: sets and removes labels on every endpoint record of a container (on {@code host} only, if
 * given), each by compare-and-swap, as Calico's {@code calicoctl label workloadendpoint} does. Selectors see the
 * change on the agent's next loop: the endpoint moves between selector sets, and the policies that apply to it
 * change, without restarting anything.
 */
public interface LabelEndpointUseCase {
  /**
   * @param set labels to add or overwrite
   * @param remove label keys to remove (absent ones are ignored)
   * @return the container's endpoints after the change
   * @throws EndpointNotFoundException when no endpoint names the container
   */
  List<WorkloadEndpoint> label(ContainerId container, Optional<NodeName> host, Map<String, String> set,
      Set<String> remove);
}
