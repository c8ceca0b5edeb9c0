package org.calicomesos.adapters.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.ProfileRule;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.testkit.policy.NftFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An update takes the kernel's table to exactly what replacing it whole builds (root needed): random policies in
 * turn — endpoints coming, going and changing (their port mappings too), tag sets growing, shrinking, appearing and
 * going, pools and their NAT outgoing coming and going — each applied as an update to one table and as a whole
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

  /** Some of the universe's endpoints, some of them changed, and its tag sets with some of their members. */
  private static HostPolicy variation(HostPolicy universe, Random random) {
    List<EndpointPolicy> endpoints = new ArrayList<>();
    for (EndpointPolicy endpoint : universe.endpoints()) {
      if (random.nextInt(10) < 6) {
        endpoints.add(random.nextInt(4) == 0 ? changed(endpoint, random) : endpoint);
      }
    }
    Set<String> named = new LinkedHashSet<>();
    endpoints.forEach(endpoint -> endpoint.profiles().forEach(profile -> {
      profile.inbound().forEach(rule -> rule.srcTag().ifPresent(named::add));
      profile.outbound().forEach(rule -> rule.srcTag().ifPresent(named::add));
    }));
    List<TagSet> tagSets = new ArrayList<>();
    for (TagSet tagSet : universe.tagSets()) {
      if (named.contains(tagSet.tag()) || random.nextBoolean()) {
        tagSets.add(new TagSet(tagSet.tag(), some(tagSet.members(), random)));
      }
    }
    List<IPAddress> pools = some(universe.nat().pools(), random);
    List<IPAddress> natOutgoing = some(universe.nat().natOutgoing(), random).stream().filter(pools::contains).toList();
    return new HostPolicy(endpoints, tagSets, new HostNat(pools, natOutgoing));
  }

  /** The same interface with fewer addresses, its profiles in another order, fewer port mappings, or all three. */
  private static EndpointPolicy changed(EndpointPolicy endpoint, Random random) {
    List<IPAddress> addresses = random.nextBoolean() ? some(endpoint.addresses(), random) : endpoint.addresses();
    List<ProfilePolicy> profiles = new ArrayList<>(endpoint.profiles());
    if (!profiles.isEmpty() && random.nextBoolean()) {
      Collections.reverse(profiles);
      profiles.add(new ProfilePolicy(profiles.get(0).name(), List.of(ProfileRule.ALLOW_ALL), List.of()));
    }
    List<PortMapping> mappings = random.nextBoolean() ? some(endpoint.portMappings(), random) : endpoint.portMappings();
    return new EndpointPolicy(endpoint.hostInterface(), addresses, profiles, mappings);
  }

  private static <T> List<T> some(List<T> items, Random random) {
    return items.stream().filter(item -> random.nextInt(4) > 0).toList();
  }
}
