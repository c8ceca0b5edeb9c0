package org.calicomesos.adapters.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.selector.Selector;
import org.calicomesos.testkit.policy.NftFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An update takes the kernel's table to exactly what replacing it whole builds (root needed): random policies in
 * turn — endpoints coming, going and changing (their port mappings and policy lists too), network policies coming,
 * going and changing (coming to pass and ceasing to), tag and selector sets growing, shrinking, appearing and going, pools and their NAT outgoing coming and going — each applied as an update to one table and as a whole
 * replacement to another, and the two tables compared as the kernel lists them.
 * The updates go straight to nft, so a refused one fails the test instead of falling back to a replacement.
 */
class RulesetUpdateIT {
  private final String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  private final String updated = "calico_mesos_u" + suffix;
  private final String replaced = "calico_mesos_r" + suffix;
  private final NftProcess nft = new NftProcess("nft", Duration.ofSeconds(60));

  @AfterEach
  void removeTables() {
    NftFacts.deleteTable(updated);
    NftFacts.deleteTable(replaced);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void aSequenceOfUpdatesBuildsWhatReplacingBuilds(long seed) {
    Random random = new Random(seed);
    HostPolicy universe = RandomPolicies.generate(seed, 40);
    RulesetUpdate update = new RulesetUpdate(updated);
    HostPolicy previous = HostPolicy.EMPTY;
    nft.apply(new RulesetRenderer(updated).replace(previous), "replace table inet " + updated);
    for (int step = 0; step < 12; step++) {
      HostPolicy next = step == 11 ? HostPolicy.EMPTY : variation(universe, random);
      nft.apply(update.render(previous, next) + "\n", "update table inet " + updated);
      nft.apply(new RulesetRenderer(replaced).replace(next), "replace table inet " + replaced);

      assertThat(NftFacts.canonicalTable(updated)).as("step %d", step).isEqualTo(NftFacts.canonicalTable(replaced));
      previous = next;
    }
  }

  /**
   * Some of the universe's endpoints, some of them changed; the policies they name, some of them changed; and the tag
   * and selector sets with some of their members (every one a rule names, and some more).
   */
  private static HostPolicy variation(HostPolicy universe, Random random) {
    List<EndpointPolicy> endpoints = new ArrayList<>();
    for (EndpointPolicy endpoint : universe.endpoints()) {
      if (random.nextInt(10) < 6) {
        endpoints.add(random.nextInt(4) == 0 ? changed(endpoint, random) : endpoint);
      }
    }
    Set<PolicyName> used = new HashSet<>();
    endpoints.forEach(endpoint -> {
      used.addAll(endpoint.ingressPolicies());
      used.addAll(endpoint.egressPolicies());
    });
    List<PolicyRules> policies = universe.policies().stream().filter(policy -> used.contains(policy.name()))
        .map(policy -> random.nextInt(3) == 0 ? changed(policy, random) : policy).toList();
    List<Rule> rules = new ArrayList<>();
    endpoints.forEach(endpoint -> endpoint.profiles().forEach(profile -> {
      rules.addAll(profile.inbound());
      rules.addAll(profile.outbound());
    }));
    policies.forEach(policy -> {
      rules.addAll(policy.ingress());
      rules.addAll(policy.egress());
    });
    Set<String> tags = new HashSet<>();
    Set<Selector> selectors = new HashSet<>();
    for (Rule rule : rules) {
      for (RuleEntity side : List.of(rule.source(), rule.destination())) {
        side.tag().ifPresent(tags::add);
        side.selector().ifPresent(selectors::add);
      }
    }
    List<TagSet> tagSets = universe.tagSets().stream()
        .filter(set -> tags.contains(set.tag()) || random.nextBoolean())
        .map(set -> new TagSet(set.tag(), some(set.members(), random))).toList();
    List<SelectorSet> selectorSets = universe.selectorSets().stream()
        .filter(set -> selectors.contains(set.selector()) || random.nextBoolean())
        .map(set -> new SelectorSet(set.selector(), some(set.members(), random))).toList();
    List<IPAddress> pools = some(universe.nat().pools(), random);
    List<IPAddress> natOutgoing = some(universe.nat().natOutgoing(), random).stream().filter(pools::contains).toList();
    return new HostPolicy(endpoints, tagSets, selectorSets, policies, new HostNat(pools, natOutgoing));
  }

  /**
   * The same interface with fewer addresses, its profiles in another order, fewer port mappings, its policies of a
   * direction reversed or fewer, or several of these.
   */
  private static EndpointPolicy changed(EndpointPolicy endpoint, Random random) {
    List<IPAddress> addresses = random.nextBoolean() ? some(endpoint.addresses(), random) : endpoint.addresses();
    List<ProfilePolicy> profiles = new ArrayList<>(endpoint.profiles());
    if (!profiles.isEmpty() && random.nextBoolean()) {
      Collections.reverse(profiles);
      profiles.add(new ProfilePolicy(profiles.get(0).name(), List.of(Rule.ALLOW_ALL), List.of()));
    }
    List<PortMapping> mappings = random.nextBoolean() ? some(endpoint.portMappings(), random) : endpoint.portMappings();
    List<PolicyName> ingress = new ArrayList<>(endpoint.ingressPolicies());
    if (random.nextBoolean()) {
      Collections.reverse(ingress);
    }
    List<PolicyName> egress = random.nextBoolean() ? some(endpoint.egressPolicies(), random) : endpoint.egressPolicies();
    return new EndpointPolicy(endpoint.hostInterface(), addresses, profiles, mappings, ingress, egress);
  }

  /** Its rules reversed, its pass rules gone (so that the endpoints' pass checks change), or its directions swapped. */
  private static PolicyRules changed(PolicyRules policy, Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> new PolicyRules(policy.name(), reversed(policy.ingress()), reversed(policy.egress()));
      case 1 -> new PolicyRules(policy.name(), withoutPass(policy.ingress()), withoutPass(policy.egress()));
      default -> new PolicyRules(policy.name(), policy.egress(), policy.ingress());
    };
  }

  private static List<Rule> reversed(List<Rule> rules) {
    List<Rule> copy = new ArrayList<>(rules);
    Collections.reverse(copy);
    return copy;
  }

  private static List<Rule> withoutPass(List<Rule> rules) {
    return rules.stream().filter(rule -> !rule.passes()).toList();
  }

  private static <T> List<T> some(List<T> items, Random random) {
    return items.stream().filter(item -> random.nextInt(4) > 0).toList();
  }
}
