package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** No pool has this CIDR. */
public final class PoolNotFoundException extends CalicoMesosException {
  public PoolNotFoundException(IPAddress cidr) {
    super("there is no pool " + cidr.toCanonicalString());
  }
}
