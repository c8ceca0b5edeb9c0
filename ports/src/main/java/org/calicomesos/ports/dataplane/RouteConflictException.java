package org.calicomesos.ports.dataplane;

import inet.ipaddr.IPAddress;

/** A host route the plan needs is already in the kernel, out of another interface: the address is in use here. */
public final class RouteConflictException extends DataplaneException {
  private final IPAddress destination;

  public RouteConflictException(IPAddress destination, String detail) {
    super("cannot route " + destination.withoutPrefixLength() + " to the container: " + detail);
    this.destination = destination;
  }

  public IPAddress destination() {
    return destination;
  }
}
