package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** A new pool would overlap an existing one. */
public final class PoolOverlapException extends CalicoMesosException {
  public PoolOverlapException(IPAddress cidr, Pool existing) {
    super("pool " + cidr.toCanonicalString() + " overlaps existing pool " + existing);
  }
}
