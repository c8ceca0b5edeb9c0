package org.calicomesos.adapters.nftables;

import org.calicomesos.ports.policy.selector.Selector;

/**
 * The names of the IPv4 and the IPv6 set that one tag or one selector resolves to ({@link NftNames#tagSet},
 * {@link NftNames#selectorSet}).
 */
record AddressSetNames(String ipv4, String ipv6) {
  static AddressSetNames ofTag(String tag) {
    return new AddressSetNames(NftNames.tagSet(tag, NftFamily.IPV4), NftNames.tagSet(tag, NftFamily.IPV6));
  }

  static AddressSetNames ofSelector(Selector selector) {
    return new AddressSetNames(NftNames.selectorSet(selector, NftFamily.IPV4),
        NftNames.selectorSet(selector, NftFamily.IPV6));
  }

  String of(NftFamily family) {
    return family == NftFamily.IPV4 ? ipv4 : ipv6;
  }
}
