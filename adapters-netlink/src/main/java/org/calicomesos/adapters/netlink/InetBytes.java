package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

/** Addresses as rtnetlink carries them: a family number and the address's bytes in network order. */
final class InetBytes {
  static final int AF_UNSPEC = 0;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;

  private InetBytes() {}

  static int family(IPAddress address) {
    return address.isIPv4() ? AF_INET : AF_INET6;
  }

  /** The (lowest) address's bytes, without the prefix length. */
  static byte[] bytes(IPAddress address) {
    return address.getLower().withoutPrefixLength().getBytes();
  }

  static int prefixLength(IPAddress address) {
    Integer length = address.getNetworkPrefixLength();
    return length == null ? address.getBitCount() : length;
  }

  static IPAddress address(byte[] bytes) {
    return bytes.length == 4 ? new IPv4Address(bytes) : new IPv6Address(bytes);
  }

  /** {@code bytes/length} parsed as text, so it equals what a caller writes as e.g. "198.18.0.0/15". */
  static IPAddress prefix(byte[] bytes, int length) {
    return new IPAddressString(address(bytes).toCanonicalString() + "/" + length).getAddress();
  }

  /** The unspecified address of {@code family} with length 0: what a default route's missing RTA_DST means. */
  static IPAddress defaultPrefix(int family) {
    return prefix(new byte[family == AF_INET ? 4 : 16], 0);
  }
}
