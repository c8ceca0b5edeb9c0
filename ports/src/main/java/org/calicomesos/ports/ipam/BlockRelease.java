package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.model.NodeName;

/** What {@code ipam release-block} did: whether the block record was there, and whose claims on it it removed. */
public record BlockRelease(IPAddress block, boolean blockRemoved, List<NodeName> claimsRemoved) {
  public BlockRelease {
    Objects.requireNonNull(block, "block");
    claimsRemoved = List.copyOf(claimsRemoved);
  }

  /** True when there was nothing left to remove (the block was released before). */
  public boolean alreadyGone() {
    return !blockRemoved && claimsRemoved.isEmpty();
  }
}
