package org.calicomesos.ports.endpoint;

import org.calicomesos.ports.CalicoMesosException;

/** No address of this host could be found for the host profile. */
public final class HostAddressUnknownException extends CalicoMesosException {
  public HostAddressUnknownException() {
    super("cannot find an IPv4 address of this host for its default profile; set CALICO_HOST_IP");
  }
}
