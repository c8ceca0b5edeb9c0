package org.calicomesos.ports.ipam;

import org.calicomesos.ports.CalicoMesosException;

/** The pools of a family cannot supply an allocation; nothing of it stays assigned. */
public final class PoolExhaustedException extends CalicoMesosException {
  public PoolExhaustedException(String message) {
    super(message);
  }
}
