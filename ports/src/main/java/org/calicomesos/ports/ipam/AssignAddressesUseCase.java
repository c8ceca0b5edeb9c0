package org.calicomesos.ports.ipam;

/**
 * net-modules {@code allocate} and {@code reserve} for one container's uid: every address the request asks for,
 * or none. What is recorded with each address is decided behind this port, not by the caller.
 */
public interface AssignAddressesUseCase {
  /**
   * An allocate reserves its static addresses first and, when the pools then cannot supply the count, releases
   * them again, so a failed allocate leaves nothing behind.
   *
   * @return the addresses assigned, per family: an allocate's static addresses first in {@code ipv4}, then
   *     those from the pools; a reserve's in the order named
   * @throws PoolExhaustedException when the pools cannot supply the count
   * @throws AddressOutsidePoolsException when a named address is in no pool
   * @throws AddressInUseException when a named address belongs to another handle
   */
  AllocatedAddresses assign(AssignAddressesCommand command);
}
