package org.calicomesos.ports.endpoint;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * What {@code cleanup} found and did.
 *
 * @param endpointFound whether the container had an endpoint on this host
 * @param interfaceRemoved whether a host-side interface was deleted
 * @param released addresses freed because they still carried the container's handle
 */
public record CleanupResult(boolean endpointFound, boolean interfaceRemoved, List<IPAddress> released) {
  public CleanupResult {
    released = List.copyOf(released);
  }
}
