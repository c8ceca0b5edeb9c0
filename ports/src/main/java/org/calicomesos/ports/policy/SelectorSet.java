package org.calicomesos.ports.policy;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * The addresses a selector in a rule resolves to: those of every endpoint, on any host, whose labels it matches.
 * Members as in {@link TagSet}: single addresses or prefixes, both families, sorted, without duplicates.
 */
public record SelectorSet(Selector selector, List<IPAddress> members) {
  public SelectorSet {
    members = List.copyOf(members);
  }
}
