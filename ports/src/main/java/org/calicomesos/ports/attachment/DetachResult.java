package org.calicomesos.ports.attachment;

import inet.ipaddr.IPAddress;
import java.util.List;

/** What a detach found and did: whether there was an endpoint record, whether an interface went, what was freed. */
public record DetachResult(boolean endpointFound, boolean interfaceRemoved, List<IPAddress> released) {
  public DetachResult {
    released = List.copyOf(released);
  }
}
