package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** A reserve named an address that lies in no pool. */
public final class AddressOutsidePoolsException extends CalicoMesosException {
  public AddressOutsidePoolsException(IPAddress address) {
    super("IP " + address.toCanonicalString() + " is not in any IP pool; add a pool that contains it first");
  }
}
