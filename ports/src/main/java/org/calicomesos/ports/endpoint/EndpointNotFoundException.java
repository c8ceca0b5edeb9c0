package org.calicomesos.ports.endpoint;

import java.util.Optional;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NodeName;

/** No endpoint record names this container (on that host, when one was given). */
public final class EndpointNotFoundException extends CalicoMesosException {
  public EndpointNotFoundException(ContainerId container, Optional<NodeName> host) {
    super("no endpoint of container " + container + " is recorded "
        + host.map(node -> "on host " + node).orElse("on any host"));
  }
}
