package org.calicomesos.ports.policy.rule;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.IpFamily;

/**
 * The IP protocol a rule matches, by its number (1–255): a name Calico knows ({@code tcp}, {@code udp}, {@code icmp},
 * {@code icmpv6}, {@code sctp}, {@code udplite}, in any case) or the number itself.
 */
public record RuleProtocol(int number) {
  public static final RuleProtocol ICMP = new RuleProtocol(1);
  public static final RuleProtocol TCP = new RuleProtocol(6);
  public static final RuleProtocol UDP = new RuleProtocol(17);
  public static final RuleProtocol ICMPV6 = new RuleProtocol(58);
  public static final RuleProtocol SCTP = new RuleProtocol(132);
  public static final RuleProtocol UDPLITE = new RuleProtocol(136);

  private static final Map<String, RuleProtocol> BY_NAME = Map.of("icmp", ICMP, "tcp", TCP, "udp", UDP, "icmpv6",
      ICMPV6, "sctp", SCTP, "udplite", UDPLITE);

  public RuleProtocol {
    if (number < 1 || number > 255) {
      throw new InvalidPolicyException("protocol", "must be a protocol number from 1 to 255, not " + number);
    }
  }

  public static RuleProtocol parse(String field, String text) {
    String name = String.valueOf(text).strip().toLowerCase(Locale.ROOT);
    RuleProtocol named = BY_NAME.get(name);
    if (named != null) {
      return named;
    }
    if (name.matches("[0-9]{1,3}")) {
      int number = Integer.parseInt(name);
      if (number >= 1 && number <= 255) {
        return new RuleProtocol(number);
      }
    }
    throw new InvalidPolicyException(field, "must be tcp, udp, icmp, icmpv6, sctp, udplite or a number from 1 to 255, "
        + "not '" + Excerpt.of(String.valueOf(text)) + "'");
  }

  /** Whether the protocol has ports a rule may match: tcp, udp, sctp, udplite. */
  public boolean hasPorts() {
    return equals(TCP) || equals(UDP) || equals(SCTP) || equals(UDPLITE);
  }

  /** The one family the protocol exists in: ICMP is IPv4's, ICMPv6 IPv6's; the rest run on both. */
  public Optional<IpFamily> family() {
    if (equals(ICMP)) {
      return Optional.of(IpFamily.V4);
    }
    if (equals(ICMPV6)) {
      return Optional.of(IpFamily.V6);
    }
    return Optional.empty();
  }

  /** The name if it has one of ours, else the number: {@code tcp}, {@code 47}. */
  public String keyword() {
    return BY_NAME.entrySet().stream().filter(entry -> entry.getValue().equals(this)).map(Map.Entry::getKey)
        .findFirst().orElse(Integer.toString(number));
  }

  @Override
  public String toString() {
    return keyword();
  }
}
