package org.calicomesos.ports.model;

import inet.ipaddr.IPAddress;

/** IPv4 or IPv6, with the defaults and names each family uses in the datastore. */
public enum IpFamily {
  V4("IPv4", "v4", "ipv4", 32, 26),
  V6("IPv6", "v6", "ipv6", 128, 122);

  private final String displayName;
  private final String poolSegment;
  private final String blockSegment;
  private final int bits;
  private final int defaultBlockPrefix;

  IpFamily(String displayName, String poolSegment, String blockSegment, int bits, int defaultBlockPrefix) {
    this.displayName = displayName;
    this.poolSegment = poolSegment;
    this.blockSegment = blockSegment;
    this.bits = bits;
    this.defaultBlockPrefix = defaultBlockPrefix;
  }

  public static IpFamily of(IPAddress address) {
    return address.isIPv4() ? V4 : V6;
  }

  /** "IPv4" or "IPv6", for messages. */
  public String displayName() {
    return displayName;
  }

  /** "v4"/"v6", as in {@code /calico/v1/ipam/v4/pool}. */
  public String poolSegment() {
    return poolSegment;
  }

  /** "ipv4"/"ipv6", as in {@code /calico/ipam/v2/assignment/ipv4/block}. */
  public String blockSegment() {
    return blockSegment;
  }

  public int bits() {
    return bits;
  }

  /** Calico's default block: /26 (64 IPv4 addresses), /122 (64 IPv6 addresses). */
  public int defaultBlockPrefix() {
    return defaultBlockPrefix;
  }
}
