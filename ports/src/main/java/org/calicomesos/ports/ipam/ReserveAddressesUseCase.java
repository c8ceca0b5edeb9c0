package org.calicomesos.ports.ipam;

/** net-modules {@code reserve}: every named address, or none (what this call assigned is rolled back). */
public interface ReserveAddressesUseCase {
  /**
   * Reserving an address this handle already holds succeeds without change.
   *
   * @throws AddressOutsidePoolsException before any change, when an address is in no pool
   * @throws AddressInUseException when an address belongs to another handle
   */
  void reserve(ReserveCommand command);
}
