package org.calicomesos.ports.policy.rule;

import java.util.OptionalInt;

/** The ICMP (or ICMPv6) type a rule matches, 0–255, and optionally its code, 0–255. */
public record IcmpMatch(int type, OptionalInt code) {
  public IcmpMatch {
    if (type < 0 || type > 255) {
      throw new InvalidPolicyException("icmp.type", "must be from 0 to 255, not " + type);
    }
    if (code.isPresent() && (code.getAsInt() < 0 || code.getAsInt() > 255)) {
      throw new InvalidPolicyException("icmp.code", "must be from 0 to 255, not " + code.getAsInt());
    }
  }

  public static IcmpMatch type(int type) {
    return new IcmpMatch(type, OptionalInt.empty());
  }
}
