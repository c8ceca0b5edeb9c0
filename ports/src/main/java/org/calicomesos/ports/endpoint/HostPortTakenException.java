package org.calicomesos.ports.endpoint;

import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.PortMapping;

/** An attachment asked for a host port that another container already has mapped on this host. */
public final class HostPortTakenException extends CalicoMesosException {
  /** @param holder who holds it, ending the sentence: "to container c1", or "by a claim that cannot be read (key)" */
  public HostPortTakenException(PortMapping wanted, String holder) {
    super("host port " + wanted.protocol().keyword() + " " + wanted.hostPort() + " is already mapped on this host, "
        + holder);
  }
}
