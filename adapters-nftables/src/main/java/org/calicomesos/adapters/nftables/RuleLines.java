package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.policy.ProfileRule;

/**
 * One allow rule as nft statements that {@code return} from the endpoint chain (whose last statement drops).
 * All conditions of a rule must hold, and an nft statement matches one family, so: a rule with a tag and no net
 * becomes one statement per family; a rule with nets becomes one statement in their family, or none if its source
 * and destination are of different families (no packet could match); a rule with no condition is a bare
 * {@code return}.
 */
final class RuleLines {
  private final Map<String, TagSetNames> tagSets;

  /** @param tagSets the set names of every tag the rules may name */
  RuleLines(Map<String, TagSetNames> tagSets) {
    this.tagSets = tagSets;
  }

  List<String> render(ProfileRule rule) {
    Optional<NftFamily> source = rule.srcNet().map(NftFamily::of);
    Optional<NftFamily> destination = rule.dstNet().map(NftFamily::of);
    if (source.isPresent() && destination.isPresent() && source.get() != destination.get()) {
      return List.of();
    }
    Optional<NftFamily> only = source.or(() -> destination);
    if (only.isEmpty() && rule.srcTag().isEmpty()) {
      return List.of("return");
    }
    List<String> lines = new ArrayList<>();
    for (NftFamily family : only.map(List::of).orElse(List.of(NftFamily.IPV4, NftFamily.IPV6))) {
      lines.add(statement(rule, family));
    }
    return lines;
  }

  private String statement(ProfileRule rule, NftFamily family) {
    List<String> matches = new ArrayList<>();
    rule.srcTag().ifPresent(tag -> matches.add(family.match("saddr") + " @" + tagSet(tag).of(family)));
    rule.srcNet().ifPresent(net -> matches.add(family.match("saddr") + " " + value(net)));
    rule.dstNet().ifPresent(net -> matches.add(family.match("daddr") + " " + value(net)));
    matches.add("return");
    return String.join(" ", matches);
  }

  private TagSetNames tagSet(String tag) {
    TagSetNames names = tagSets.get(tag);
    if (names == null) {
      // HostPolicy refuses a rule whose tag has no set, so this is a bug of ours, not of the policy.
      throw new IllegalStateException("a rule names a tag that has no set");
    }
    return names;
  }

  private static String value(IPAddress net) {
    return NftAddresses.expression(List.of(net));
  }
}
