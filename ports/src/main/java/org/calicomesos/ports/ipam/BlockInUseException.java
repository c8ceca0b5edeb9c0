package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.CalicoMesosException;

/** {@code ipam release-block} of a block that still holds addresses: they must be released first. */
public final class BlockInUseException extends CalicoMesosException {
  public BlockInUseException(IPAddress block, int allocated) {
    super("block " + block.toCanonicalString() + " still holds " + allocated + " address" + (allocated == 1 ? "" : "es")
        + "; release " + (allocated == 1 ? "it" : "them") + " first ('calico-mesos ipam release') and try again");
  }
}
