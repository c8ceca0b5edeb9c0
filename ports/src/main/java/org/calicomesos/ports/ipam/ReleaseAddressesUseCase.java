package org.calicomesos.ports.ipam;

/** net-modules {@code release} and {@code ipam release}: idempotent. */
public interface ReleaseAddressesUseCase {
  ReleaseResult release(ReleaseCommand command);
}
