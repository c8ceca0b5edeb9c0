package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;

/** What a release freed, and what was already free (not an error: release is idempotent). */
public record ReleaseResult(List<IPAddress> released, List<IPAddress> alreadyFree) {
  public ReleaseResult {
    released = List.copyOf(released);
    alreadyFree = List.copyOf(alreadyFree);
  }
}
