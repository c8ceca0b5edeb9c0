package org.calicomesos.ports.ipam;

/**
 * {@code ipam check}: reads everything and reports inconsistencies; changes nothing. A check taken while
 * allocations are in flight may report their half-done work (a handle counted before its block write).
 */
public interface CheckIpamUseCase {
  IpamCheckReport check();
}
