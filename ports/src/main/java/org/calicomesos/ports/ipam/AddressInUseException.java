package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** A reserve named an address that another handle holds. */
public final class AddressInUseException extends CalicoMesosException {
  public AddressInUseException(IPAddress address) {
    super("IP " + address.toCanonicalString() + " is already assigned");
  }
}
