package org.calicomesos.ports.endpoint;

import org.calicomesos.ports.CalicoMesosException;

/** The link MTU leaves too little for a container once VXLAN's headers are taken off it. */
public final class ContainerMtuTooSmallException extends CalicoMesosException {
  public ContainerMtuTooSmallException(int linkMtu, int overhead, int minimum) {
    super("CALICO_MTU " + linkMtu + " leaves " + (linkMtu - overhead) + " for a container in a VXLAN pool (VXLAN takes "
        + overhead + " bytes), below the minimum of " + minimum + "; set CALICO_MTU to at least " + (minimum + overhead));
  }
}
