package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** A reserve named an address in another host's block of a pool with strict affinity. */
public final class BlockAffinityException extends CalicoMesosException {
  public BlockAffinityException(IPAddress address, IPAddress block, String owner, Pool pool) {
    super("IP " + address.toCanonicalString() + " is in block " + block.toCanonicalString() + " of host " + owner
        + ", and pool " + pool + " has strict affinity");
  }
}
