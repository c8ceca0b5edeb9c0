package org.calicomesos.testkit.routing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.calicomesos.ports.routing.HostRoute;

/**
 * One address family's cast for the route contract: two gateways on {@link RouteNamespace#LINK}'s subnet (two
 * hosts a block can live on), a gateway on no attached link, and destinations shaped as IPAM hands them out.
 *
 * @param flag {@code -4} or {@code -6}, as {@code ip} takes it
 */
record RouteFamily(String flag, String gateway, String otherGateway, String unreachableGateway) {
  static final RouteFamily IPV4 = new RouteFamily("-4", "203.0.113.9", "203.0.113.10", "198.51.100.1");
  static final RouteFamily IPV6 = new RouteFamily("-6", "2001:db8:9::9", "2001:db8:9::a", "2001:db8:7::9");

  /** The {@code index}th block: a /26 of 10.65.0.0/16, or a /122 of fd00:9::/64. */
  IPAddress block(int index) {
    return isIpv4()
        ? address("10.65." + (index / 4) + "." + (index % 4) * 64 + "/26")
        : address(String.format("fd00:9::%x/122", index * 64));
  }

  /** A single (borrowed) address, /32 or /128. */
  IPAddress single() {
    return address(isIpv4() ? "10.66.0.7/32" : "fd00:9:1::7/128");
  }

  HostRoute route(IPAddress destination, String via) {
    return new HostRoute(destination, address(via));
  }

  boolean isIpv4() {
    return flag.equals("-4");
  }

  static IPAddress address(String text) {
    return new IPAddressString(text).getAddress();
  }

  /** For a parameterized test's display name. */
  @Override
  public String toString() {
    return isIpv4() ? "IPv4" : "IPv6";
  }
}
