package org.calicomesos.app.agentsocket;

import org.calicomesos.ports.CalicoMesosException;

/** The agent cannot take its socket: another agent holds it, or the path cannot be created. */
public final class AgentSocketException extends CalicoMesosException {
  AgentSocketException(String message, Throwable cause) {
    super(message, cause);
  }
}
