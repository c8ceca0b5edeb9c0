package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;

/** {@code pool add|list|remove}. */
public interface ManagePoolsUseCase {
  /** @throws PoolOverlapException when the CIDR overlaps an existing pool */
  Pool add(AddPoolCommand command);

  /** Every pool, IPv4 first, with usage. */
  List<PoolUsage> list();

  /**
   * Removes the pool with its (empty) blocks and their affinities.
   *
   * @throws PoolNotFoundException when there is no such pool
   * @throws PoolInUseException when any address in it is assigned; nothing changes
   */
  void remove(IPAddress cidr);
}
