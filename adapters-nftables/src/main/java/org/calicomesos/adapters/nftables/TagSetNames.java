package org.calicomesos.adapters.nftables;

/** The names of the IPv4 and the IPv6 set one tag resolves to. */
record TagSetNames(String ipv4, String ipv6) {
  static TagSetNames of(String tag) {
    return new TagSetNames(NftNames.tagSet(tag, NftFamily.IPV4), NftNames.tagSet(tag, NftFamily.IPV6));
  }

  String of(NftFamily family) {
    return family == NftFamily.IPV4 ? ipv4 : ipv6;
  }
}
