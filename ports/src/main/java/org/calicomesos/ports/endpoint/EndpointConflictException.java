package org.calicomesos.ports.endpoint;

import org.calicomesos.ports.CalicoMesosException;

/** The records disagree in a way isolate must not paper over, e.g. one container's addresses held by two uids. */
public final class EndpointConflictException extends CalicoMesosException {
  public EndpointConflictException(String message) {
    super(message);
  }
}
