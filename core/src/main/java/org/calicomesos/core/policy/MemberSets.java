package org.calicomesos.core.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * The tag and selector sets of the last compiles, kept while the endpoints and the profiles' tags stay as they were
 * ({@link PolicyModel#membershipVersion()}): a policy edit, the common change, then recompiles without walking
 * every endpoint of the cluster, and unchanged sets stay the same objects, so comparing policies stays cheap.
 */
final class MemberSets {
  private long version = -1;
  private final Map<Selector, SelectorSet> selectors = new HashMap<>();
  private final Map<String, TagSet> tags = new HashMap<>();

  /** Forgets every set when the membership changed since they were computed. */
  void validFor(long membershipVersion) {
    if (membershipVersion != version) {
      selectors.clear();
      tags.clear();
      version = membershipVersion;
    }
  }

  Optional<SelectorSet> selector(Selector selector) {
    return Optional.ofNullable(selectors.get(selector));
  }

  Optional<TagSet> tag(String tag) {
    return Optional.ofNullable(tags.get(tag));
  }

  void keep(SelectorSet set) {
    selectors.put(set.selector(), set);
  }

  void keep(TagSet set) {
    tags.put(set.tag(), set);
  }
}
