package org.calicomesos.ports.endpoint;

import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.ContainerId;

/** {@code isolate} again for a container that already has an endpoint with other addresses. */
public final class ContainerAlreadyIsolatedException extends CalicoMesosException {
  public ContainerAlreadyIsolatedException(ContainerId container, String existing) {
    super("container " + container + " is already isolated with " + existing + "; clean it up first");
  }
}
