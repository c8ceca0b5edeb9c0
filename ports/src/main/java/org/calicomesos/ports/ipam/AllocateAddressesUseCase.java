package org.calicomesos.ports.ipam;

/** net-modules {@code allocate}: all requested addresses, or none. */
public interface AllocateAddressesUseCase {
  /**
   * @throws PoolExhaustedException when the pools cannot supply the count (nothing stays assigned)
   */
  AllocatedAddresses allocate(AllocateCommand command);
}
