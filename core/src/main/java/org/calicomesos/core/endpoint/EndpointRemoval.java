package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.util.List;

/** What {@link EndpointPlumbing#disconnect} found and did. */
public record EndpointRemoval(boolean endpointFound, boolean interfaceRemoved, List<IPAddress> released) {
  public EndpointRemoval {
    released = List.copyOf(released);
  }
}
