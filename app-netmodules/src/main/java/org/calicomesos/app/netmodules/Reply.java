package org.calicomesos.app.netmodules;

import inet.ipaddr.IPAddress;
import java.util.List;

/** A successful command's result: nothing beyond success, or allocated addresses. */
sealed interface Reply {
  /** {@code {"error":null}} */
  Reply DONE = new Done();

  /** reserve, release. */
  record Done() implements Reply {}

  /** allocate: {@code {"ipv4":[..],"ipv6":[..],"error":null}}. */
  record Addresses(List<IPAddress> ipv4, List<IPAddress> ipv6) implements Reply {
    public Addresses {
      ipv4 = List.copyOf(ipv4);
      ipv6 = List.copyOf(ipv6);
    }
  }
}
