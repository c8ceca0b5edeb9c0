package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * One rule as nft statements, each all of the rule's conditions and then its verdict ({@link RuleVerdicts}). An nft
 * address match is of one family, so a rule with an address condition (nets, notNets, a tag, a selector) becomes one
 * statement per family it can match in: not the other one of an ICMP protocol, nor one that its non-empty
 * {@code nets} (source or destination) hold no net of. A statement that ends up with no address match of its family
 * (only notNets of the other family, say) gets {@code meta nfproto}, so that it does not match the other family
 * too. A rule without address conditions is one statement for both families.
 *
 * <p>Tags and selectors appear only as the names of their sets ({@link AddressSetNames}), never as text.
 */
final class RuleLines {
  private final Map<String, AddressSetNames> tagSets = new HashMap<>();
  private final Map<Selector, AddressSetNames> selectorSets = new HashMap<>();

  List<String> render(Rule rule, RuleVerdicts verdicts, String chain) {
    String verdict = verdicts.of(rule.action(), chain);
    if (!hasAddressCondition(rule.source()) && !hasAddressCondition(rule.destination())) {
      return List.of(statement(rule, Optional.empty(), verdict));
    }
    List<String> lines = new ArrayList<>();
    for (NftFamily family : NftFamily.values()) {
      if (canMatch(rule, family)) {
        lines.add(statement(rule, Optional.of(family), verdict));
      }
    }
    return lines;
  }

  private static boolean hasAddressCondition(RuleEntity entity) {
    return !entity.nets().isEmpty() || !entity.notNets().isEmpty() || entity.tag().isPresent()
        || entity.selector().isPresent();
  }

  private static boolean canMatch(Rule rule, NftFamily family) {
    Optional<IpFamily> only = rule.protocol().flatMap(protocol -> protocol.family());
    if (only.isPresent() && NftFamily.of(only.get()) != family) {
      return false;
    }
    return hasNetOrNone(rule.source(), family) && hasNetOrNone(rule.destination(), family);
  }

  private static boolean hasNetOrNone(RuleEntity entity, NftFamily family) {
    return entity.nets().isEmpty() || !NftFamily.membersOf(entity.nets(), family).isEmpty();
  }

  private String statement(Rule rule, Optional<NftFamily> family, String verdict) {
    List<String> matches = new ArrayList<>();
    rule.protocol().ifPresent(protocol -> matches.add("meta l4proto " + NftFamily.protocolName(protocol)));
    rule.icmp().ifPresent(icmp -> {
      String keyword = rule.protocol().get().family().get() == IpFamily.V4 ? "icmp" : "icmpv6";
      matches.add(keyword + " type " + icmp.type());
      icmp.code().ifPresent(code -> matches.add(keyword + " code " + code));
    });
    boolean familyMatched = entity(matches, rule.source(), "saddr", "sport", family)
        | entity(matches, rule.destination(), "daddr", "dport", family);
    if (family.isPresent() && !familyMatched) {
      matches.add(0, "meta nfproto " + family.get().nfproto());
    }
    matches.add(verdict);
    return String.join(" ", matches);
  }

  /** Adds the entity's matches; whether one of them matches an address of {@code family} (and so the family). */
  private boolean entity(List<String> matches, RuleEntity entity, String address, String port,
      Optional<NftFamily> family) {
    boolean matched = false;
    if (family.isPresent()) {
      NftFamily of = family.get();
      List<IPAddress> nets = NftFamily.membersOf(entity.nets(), of);
      if (!nets.isEmpty()) {
        matches.add(of.match(address) + " " + NftAddresses.expression(nets));
        matched = true;
      }
      List<IPAddress> notNets = NftFamily.membersOf(entity.notNets(), of);
      if (!notNets.isEmpty()) {
        matches.add(of.match(address) + " != " + NftAddresses.expression(notNets));
        matched = true;
      }
      if (entity.tag().isPresent()) {
        matches.add(of.match(address) + " @" + tagSet(entity.tag().get()).of(of));
        matched = true;
      }
      if (entity.selector().isPresent()) {
        matches.add(of.match(address) + " @" + selectorSet(entity.selector().get()).of(of));
        matched = true;
      }
    }
    if (!entity.ports().isEmpty()) {
      matches.add("th " + port + " " + ports(entity.ports()));
    }
    if (!entity.notPorts().isEmpty()) {
      matches.add("th " + port + " != " + ports(entity.notPorts()));
    }
    return matched;
  }

  /** {@code 80}, or {@code { 80, 8000-8080 }}. */
  private static String ports(List<PortRange> ranges) {
    List<String> values = ranges.stream()
        .map(range -> range.isSingle() ? Integer.toString(range.first()) : range.first() + "-" + range.last())
        .distinct().toList();
    return values.size() == 1 ? values.get(0) : values.stream().collect(Collectors.joining(", ", "{ ", " }"));
  }

  private AddressSetNames tagSet(String tag) {
    return tagSets.computeIfAbsent(tag, AddressSetNames::ofTag);
  }

  private AddressSetNames selectorSet(Selector selector) {
    return selectorSets.computeIfAbsent(selector, AddressSetNames::ofSelector);
  }
}
