package org.calicomesos.ports.routing.bgp;

import org.calicomesos.ports.CalicoMesosException;

/**
 * The BGP speaker could not be driven: its tools cannot be run, did not answer in time, or answered in a way the
 * adapter does not understand. The message names the tool and the file or socket involved.
 */
public class BgpSpeakerException extends CalicoMesosException {
  public BgpSpeakerException(String message) {
    super(message);
  }

  public BgpSpeakerException(String message, Throwable cause) {
    super(message, cause);
  }
}
