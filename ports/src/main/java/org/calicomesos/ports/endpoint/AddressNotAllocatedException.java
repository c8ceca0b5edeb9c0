package org.calicomesos.ports.endpoint;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** {@code isolate} named an address the IPAM has not handed out. */
public final class AddressNotAllocatedException extends CalicoMesosException {
  public AddressNotAllocatedException(IPAddress address) {
    super("IP " + address.toCanonicalString() + " is not allocated; allocate or reserve it before isolate");
  }
}
