package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;

/** {@code pool add|list|remove|encapsulation|nat-outgoing}. */
public interface ManagePoolsUseCase {
  /** @throws PoolOverlapException when the CIDR overlaps an existing pool */
  Pool add(AddPoolCommand command);

  /** Every pool, IPv4 first, with usage. */
  List<PoolUsage> list();

  /** Every pool, IPv4 first, without usage (one read). */
  List<Pool> pools();

  /**
   * Sets how the pool's addresses on other hosts are reached; returns the pool as it now is. Containers started
   * before keep their interface's MTU.
   *
   * @throws PoolNotFoundException when there is no such pool
   * @throws org.calicomesos.ports.model.InvalidRequestException when the pool cannot have it (VXLAN on IPv6)
   */
  Pool setEncapsulation(IPAddress cidr, Encapsulation encapsulation);

  /**
   * Turns the pool's NAT outgoing on or off; returns the pool as it now is. Every agent masquerades accordingly
   * within seconds.
   *
   * @throws PoolNotFoundException when there is no such pool
   */
  Pool setNatOutgoing(IPAddress cidr, boolean on);

  /**
   * Removes the pool with its (empty) blocks and their affinities.
   *
   * @throws PoolNotFoundException when there is no such pool
   * @throws PoolInUseException when any address in it is assigned; nothing changes
   */
  void remove(IPAddress cidr);
}
