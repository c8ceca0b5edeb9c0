package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.policy.rule.RuleProtocol;

/** IPv4 or IPv6 in nftables' words: the payload selector and the set element type. */
enum NftFamily {
  IPV4("ip", "ipv4_addr", "4"),
  IPV6("ip6", "ipv6_addr", "6");

  private final String selector;
  private final String setType;
  private final String digit;

  NftFamily(String selector, String setType, String digit) {
    this.selector = selector;
    this.setType = setType;
    this.digit = digit;
  }

  static NftFamily of(IPAddress address) {
    return address.isIPv4() ? IPV4 : IPV6;
  }

  static NftFamily of(IpFamily family) {
    return family == IpFamily.V4 ? IPV4 : IPV6;
  }

  /**
   * How {@code meta l4proto} names a protocol: tcp, udp and icmp are nft keywords; any other by its number, since
   * nft looks other names up in /etc/protocols, which a host may lack or spell otherwise (ICMPv6 is ipv6-icmp).
   */
  static String protocolName(RuleProtocol protocol) {
    return protocol.equals(RuleProtocol.TCP) || protocol.equals(RuleProtocol.UDP) || protocol.equals(RuleProtocol.ICMP)
        ? protocol.keyword() : Integer.toString(protocol.number());
  }

  /** {@code ipv4} / {@code ipv6}, as {@code meta nfproto} names the family. */
  String nfproto() {
    return this == IPV4 ? "ipv4" : "ipv6";
  }

  /** The addresses of {@code family} among {@code addresses}, in their order. */
  static List<IPAddress> membersOf(List<IPAddress> addresses, NftFamily family) {
    return addresses.stream().filter(address -> of(address) == family).toList();
  }

  /** {@code ip saddr} / {@code ip6 daddr}: matching a packet's address of this family also matches the family. */
  String match(String field) {
    return selector + " " + field;
  }

  /** {@code ip} / {@code ip6}, as a NAT statement names its family in an inet table. */
  String selector() {
    return selector;
  }

  String setType() {
    return setType;
  }

  /** "4" or "6", as in set names. */
  String digit() {
    return digit;
  }
}
