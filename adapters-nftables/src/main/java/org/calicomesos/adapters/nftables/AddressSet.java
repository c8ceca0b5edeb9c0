package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calicomesos.ports.policy.HostPolicy;

/**
 * One tag's or one selector's pair of interval sets with their members: rules name a tag or selector only through
 * them, and an update changes their elements, never the rules that name them.
 */
record AddressSet(AddressSetNames names, List<IPAddress> members) {
  /** Every tag set, then every selector set of {@code policy}, by IPv4 set name, in the policy's order. */
  static Map<String, AddressSet> allOf(HostPolicy policy) {
    Map<String, AddressSet> sets = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    policy.tagSets().forEach(set -> add(sets, used, new AddressSet(AddressSetNames.ofTag(set.tag()), set.members())));
    policy.selectorSets().forEach(set -> add(sets, used,
        new AddressSet(AddressSetNames.ofSelector(set.selector()), set.members())));
    return sets;
  }

  private static void add(Map<String, AddressSet> sets, Set<String> used, AddressSet set) {
    if (!used.add(set.names().ipv4())) {
      // 96 bits of SHA-256 make this practically impossible; if it ever happens, refuse rather than merge sets.
      throw new IllegalArgumentException("two tags or selectors derive the same set name " + set.names().ipv4());
    }
    sets.put(set.names().ipv4(), set);
  }

  /** The set's element values of {@code family}, in order, as {@link NftAddresses} writes them. */
  List<String> values(NftFamily family) {
    return NftFamily.membersOf(members, family).stream()
        .flatMap(member -> NftAddresses.values(member).stream()).distinct().toList();
  }
}
