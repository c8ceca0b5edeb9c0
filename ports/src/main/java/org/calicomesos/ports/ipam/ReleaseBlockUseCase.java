package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;

/**
 * {@code ipam release-block}: gives an empty block back to its pool, so that the host that claimed it no longer
 * owns it (and other hosts withdraw their routes to it). Idempotent.
 */
public interface ReleaseBlockUseCase {
  /**
   * Deletes the block record and every host's claim on it, each with a compare-and-swap.
   *
   * @return what was removed; nothing when the block and its claims were gone already (not an error)
   * @throws BlockInUseException when the block still holds addresses; nothing is changed then
   */
  BlockRelease releaseBlock(IPAddress block);
}
