package org.calicomesos.core.gc;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.gc.Leak;

/** What freeing one candidate did: freed it (and these addresses), or found it no longer a leak. */
record Sweep(Leak.Outcome outcome, List<IPAddress> freed) {
  static final Sweep SETTLED = new Sweep(Leak.Outcome.SETTLED, List.of());

  Sweep {
    freed = List.copyOf(freed);
  }

  static Sweep freed(List<IPAddress> addresses) {
    return new Sweep(Leak.Outcome.FREED, addresses);
  }
}
