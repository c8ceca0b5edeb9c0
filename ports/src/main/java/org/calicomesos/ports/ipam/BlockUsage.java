package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.Optional;
import org.calicomesos.ports.model.NodeName;

/** One block: the host it is affine to (if any), its size and how many addresses are assigned. */
public record BlockUsage(IPAddress cidr, Optional<NodeName> affinity, int size, int allocated) {
  public int free() {
    return size - allocated;
  }
}
