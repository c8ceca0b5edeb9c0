package org.calicomesos.ports.attachment;

import org.calicomesos.ports.CalicoMesosException;

/** An {@code ADD} could not succeed now (e.g. no pool has a free address); the message says why. */
public final class NetworkNotReadyException extends CalicoMesosException {
  public NetworkNotReadyException(String sentence) {
    super(sentence);
  }
}
