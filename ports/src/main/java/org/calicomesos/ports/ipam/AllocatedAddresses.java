package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;

/** The addresses an allocation assigned, per family, in assignment order. */
public record AllocatedAddresses(List<IPAddress> ipv4, List<IPAddress> ipv6) {
  public AllocatedAddresses {
    ipv4 = List.copyOf(ipv4);
    ipv6 = List.copyOf(ipv6);
  }
}
