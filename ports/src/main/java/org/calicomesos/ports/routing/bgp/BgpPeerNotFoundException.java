package org.calicomesos.ports.routing.bgp;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** {@code bgp peer remove} named an address that is not one of the cluster's explicit BGP peers. */
public final class BgpPeerNotFoundException extends CalicoMesosException {
  public BgpPeerNotFoundException(IPAddress address) {
    super("no explicit BGP peer has the address " + address.toCanonicalString()
        + " ('calico-mesos bgp show' lists them)");
  }
}
