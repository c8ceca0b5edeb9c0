package org.calicomesos.ports.policy;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * The addresses a tag resolves to: those of every endpoint, on any host, that has a profile carrying the tag.
 * Members are single addresses (/32, /128) or prefixes, IPv4 and IPv6 mixed, sorted and without duplicates.
 * The tag is datastore text (see {@link ProfileRule}).
 */
public record TagSet(String tag, List<IPAddress> members) {
  public TagSet {
    members = List.copyOf(members);
  }
}
