package org.calicomesos.ports.ipam;

import org.calicomesos.ports.CalicoMesosException;

/** A pool cannot be removed while addresses in it are assigned. */
public final class PoolInUseException extends CalicoMesosException {
  public PoolInUseException(Pool pool, long allocated) {
    super("pool " + pool + " still has " + allocated + " assigned address" + (allocated == 1 ? "" : "es")
        + "; release them first");
  }
}
