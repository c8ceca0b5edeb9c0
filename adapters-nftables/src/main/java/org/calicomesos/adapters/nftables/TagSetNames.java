package org.calicomesos.adapters.nftables;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calicomesos.ports.policy.TagSet;

/** The names of the IPv4 and the IPv6 set one tag resolves to. */
record TagSetNames(String ipv4, String ipv6) {
  static TagSetNames of(String tag) {
    return new TagSetNames(NftNames.tagSet(tag, NftFamily.IPV4), NftNames.tagSet(tag, NftFamily.IPV6));
  }

  /** The names of every tag of a policy, by tag, in its order. */
  static Map<String, TagSetNames> allOf(List<TagSet> tagSets) {
    Map<String, TagSetNames> names = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (TagSet tagSet : tagSets) {
      TagSetNames derived = of(tagSet.tag());
      if (!used.add(derived.ipv4())) {
        // 96 bits of SHA-256 make this practically impossible; if it ever happens, refuse rather than merge tags.
        throw new IllegalArgumentException("two tags derive the same set name " + derived.ipv4());
      }
      names.put(tagSet.tag(), derived);
    }
    return names;
  }

  String of(NftFamily family) {
    return family == NftFamily.IPV4 ? ipv4 : ipv6;
  }
}
