package org.calicomesos.adapters.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.adapters.nftables.Policies.endpoint;
import static org.calicomesos.adapters.nftables.Policies.ip;
import static org.calicomesos.adapters.nftables.Policies.profile;

import java.util.List;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.junit.jupiter.api.Test;

class RulesetUpdateTest {
  private final RulesetUpdate update = new RulesetUpdate("calico_mesos");
  private final EndpointPolicy first = endpoint("cali0000000000a", List.of("198.18.0.1"),
      profile("prod", List.of(Rule.allowFromTag("prod")), List.of(Rule.ALLOW_ALL)));
  private final EndpointPolicy second = endpoint("cali0000000000b", List.of("198.18.0.2", "fd00:c0de::2"),
      profile("prod", List.of(Rule.allowFromTag("prod")), List.of(Rule.ALLOW_ALL)));
  private final HostPolicy one = new HostPolicy(List.of(first), List.of(new TagSet("prod", List.of(ip("198.18.0.1")))));
  private final HostPolicy two = new HostPolicy(List.of(first, second),
      List.of(new TagSet("prod", List.of(ip("198.18.0.1"), ip("198.18.0.2"), ip("fd00:c0de::2")))));

  @Test
  void aNewContainerIsAddedWithoutDeletingAnything() {
    assertThat(update.render(one, two)).isEqualTo("""
        add element inet calico_mesos tag4_prod { 198.18.0.2 }
        add element inet calico_mesos tag6_prod { fd00:c0de::2 }
        add chain inet calico_mesos from_cali0000000000b
        add rule inet calico_mesos from_cali0000000000b return
        add rule inet calico_mesos from_cali0000000000b drop
        add chain inet calico_mesos to_cali0000000000b
        add rule inet calico_mesos to_cali0000000000b ct status dnat ip daddr . meta l4proto . th dport @mapped_ports4 return
        add rule inet calico_mesos to_cali0000000000b ct status dnat ip6 daddr . meta l4proto . th dport @mapped_ports6 return
        add rule inet calico_mesos to_cali0000000000b ip saddr @tag4_prod return
        add rule inet calico_mesos to_cali0000000000b ip6 saddr @tag6_prod return
        add rule inet calico_mesos to_cali0000000000b drop
        add element inet calico_mesos endpoint_interfaces { "cali0000000000b" }
        add element inet calico_mesos endpoint_sources4 { "cali0000000000b" . 198.18.0.2 }
        add element inet calico_mesos endpoint_sources6 { "cali0000000000b" . fd00:c0de::2 }
        add element inet calico_mesos from_endpoint { "cali0000000000b" : jump from_cali0000000000b }
        add element inet calico_mesos to_endpoint { "cali0000000000b" : jump to_cali0000000000b }
        """);
  }

  @Test
  void aContainerThatGoesLeavesItsMapElementsFirstAndItsChainsLast() {
    assertThat(update.render(two, one)).isEqualTo("""
        flush set inet calico_mesos tag4_prod
        add element inet calico_mesos tag4_prod { 198.18.0.1 }
        flush set inet calico_mesos tag6_prod
        delete element inet calico_mesos from_endpoint { "cali0000000000b" }
        delete element inet calico_mesos to_endpoint { "cali0000000000b" }
        delete element inet calico_mesos endpoint_interfaces { "cali0000000000b" }
        delete element inet calico_mesos endpoint_sources4 { "cali0000000000b" . 198.18.0.2 }
        delete element inet calico_mesos endpoint_sources6 { "cali0000000000b" . fd00:c0de::2 }
        delete chain inet calico_mesos from_cali0000000000b
        delete chain inet calico_mesos to_cali0000000000b
        """);
  }

  @Test
  void aTagThatComesGetsItsSetsBeforeAnyRuleNamesThemAndOneThatGoesLosesThemLast() {
    HostPolicy withDev = new HostPolicy(List.of(endpoint("cali0000000000a", List.of("198.18.0.1"),
        profile("dev", List.of(Rule.allowFromTag("dev")), List.of()))), List.of(new TagSet("dev", List.of())));

    assertThat(update.render(one, withDev)).isEqualTo("""
        add set inet calico_mesos tag4_dev { type ipv4_addr; flags interval; auto-merge; }
        add set inet calico_mesos tag6_dev { type ipv6_addr; flags interval; auto-merge; }
        flush chain inet calico_mesos from_cali0000000000a
        add rule inet calico_mesos from_cali0000000000a drop
        flush chain inet calico_mesos to_cali0000000000a
        add rule inet calico_mesos to_cali0000000000a ct status dnat ip daddr . meta l4proto . th dport @mapped_ports4 return
        add rule inet calico_mesos to_cali0000000000a ct status dnat ip6 daddr . meta l4proto . th dport @mapped_ports6 return
        add rule inet calico_mesos to_cali0000000000a ip saddr @tag4_dev return
        add rule inet calico_mesos to_cali0000000000a ip6 saddr @tag6_dev return
        add rule inet calico_mesos to_cali0000000000a drop
        delete set inet calico_mesos tag4_prod
        delete set inet calico_mesos tag6_prod
        """);
  }

  @Test
  void aPolicyChainComesBeforeTheJumpsToItAndGoesAfterThem() {
    PolicyRules db = new PolicyRules(new PolicyName("db"), List.of(), List.of(Rule.ALLOW_ALL));
    HostPolicy withPolicy = withPolicies(first, List.of(), List.of(db.name()), List.of(db));

    assertThat(update.render(one, withPolicy)).isEqualTo("""
        add chain inet calico_mesos po_db
        add rule inet calico_mesos po_db meta mark set meta mark | 0x01000000 return
        add chain inet calico_mesos ple_7bdc25d1694ef984782a16f6
        add rule inet calico_mesos ple_7bdc25d1694ef984782a16f6 jump po_db
        add rule inet calico_mesos ple_7bdc25d1694ef984782a16f6 meta mark & 0x01000000 == 0x01000000 return
        flush chain inet calico_mesos from_cali0000000000a
        add rule inet calico_mesos from_cali0000000000a meta mark set meta mark & 0xfcffffff
        add rule inet calico_mesos from_cali0000000000a jump ple_7bdc25d1694ef984782a16f6
        add rule inet calico_mesos from_cali0000000000a meta mark & 0x01000000 == 0x01000000 meta mark set meta mark \
        & 0xfeffffff return
        add rule inet calico_mesos from_cali0000000000a meta mark & 0x02000000 == 0x00000000 drop
        add rule inet calico_mesos from_cali0000000000a meta mark set meta mark & 0xfdffffff
        add rule inet calico_mesos from_cali0000000000a return
        add rule inet calico_mesos from_cali0000000000a drop
        """);
    assertThat(update.render(withPolicy, one)).isEqualTo("""
        flush chain inet calico_mesos from_cali0000000000a
        add rule inet calico_mesos from_cali0000000000a return
        add rule inet calico_mesos from_cali0000000000a drop
        delete chain inet calico_mesos ple_7bdc25d1694ef984782a16f6
        delete chain inet calico_mesos po_db
        """);
  }

  @Test
  void aChangedPolicyIsRefilledInPlaceAndItsEndpointsAreLeftAlone() {
    PolicyRules db = new PolicyRules(new PolicyName("db"), List.of(Rule.ALLOW_ALL), List.of());
    PolicyRules denying = new PolicyRules(db.name(), List.of(Rule.ALLOW_ALL.withAction(RuleAction.DENY)), List.of());

    assertThat(update.render(withPolicies(first, List.of(db.name()), List.of(), List.of(db)),
        withPolicies(first, List.of(db.name()), List.of(), List.of(denying)))).isEqualTo("""
        flush chain inet calico_mesos pi_db
        add rule inet calico_mesos pi_db drop
        """);
  }

  @Test
  void aPolicyThatComesToPassRefillsTheListsThatJumpPastItAndLeavesTheEndpointsAlone() {
    PolicyRules a = new PolicyRules(new PolicyName("a"), List.of(), List.of());
    PolicyRules passing = new PolicyRules(a.name(), List.of(Rule.ALLOW_ALL.withAction(RuleAction.PASS)), List.of());
    PolicyRules b = new PolicyRules(new PolicyName("b"), List.of(), List.of());

    String script = update.render(withPolicies(first, List.of(a.name(), b.name()), List.of(), List.of(a, b)),
        withPolicies(first, List.of(a.name(), b.name()), List.of(), List.of(passing, b)));

    assertThat(script).isEqualTo("""
        flush chain inet calico_mesos pi_a
        add rule inet calico_mesos pi_a meta mark set meta mark | 0x02000000 return
        flush chain inet calico_mesos pli_c8687a08aa5d6ed2044328fa
        add rule inet calico_mesos pli_c8687a08aa5d6ed2044328fa jump pi_a
        add rule inet calico_mesos pli_c8687a08aa5d6ed2044328fa meta mark & 0x01000000 == 0x01000000 return
        add rule inet calico_mesos pli_c8687a08aa5d6ed2044328fa meta mark & 0x02000000 == 0x00000000 jump pi_b
        add rule inet calico_mesos pli_c8687a08aa5d6ed2044328fa meta mark & 0x01000000 == 0x01000000 return
        """);
  }

  @Test
  void endpointsWithTheSameListShareOneChainThatGoesWithTheLastOfThem() {
    PolicyRules db = new PolicyRules(new PolicyName("db"), List.of(Rule.ALLOW_ALL), List.of());
    HostPolicy both = withPolicies(List.of(first, second), List.of(db.name()), List.of(db));
    HostPolicy onlyFirst = withPolicies(List.of(first), List.of(db.name()), List.of(db));
    String list = "pli_7bdc25d1694ef984782a16f6";

    String whole = new RulesetRenderer("calico_mesos").replace(both);
    assertThat(whole.split("chain " + list + " \\{", -1)).hasSize(2);
    assertThat(whole.split("jump " + list + "\n", -1)).hasSize(3);
    assertThat(update.render(one, onlyFirst)).contains("add chain inet calico_mesos " + list + "\n");
    String secondComes = update.render(onlyFirst, both);
    assertThat(secondComes).contains("add rule inet calico_mesos to_cali0000000000b jump " + list + "\n")
        .doesNotContain("chain inet calico_mesos " + list);
    assertThat(update.render(both, onlyFirst)).doesNotContain("chain inet calico_mesos " + list);
    String lastGoes = update.render(onlyFirst, one);
    // The endpoint's chain is refilled (ending in drop) without the jump, then the list goes, then the policy.
    assertThat(lastGoes).contains("flush chain inet calico_mesos to_cali0000000000a\n").endsWith("""
        add rule inet calico_mesos to_cali0000000000a drop
        delete chain inet calico_mesos pli_7bdc25d1694ef984782a16f6
        delete chain inet calico_mesos pi_db
        """);
  }

  @Test
  void anEndpointWhoseListChangesJumpsToTheNewListChainAndOnlyItsChainIsRefilled() {
    PolicyRules a = new PolicyRules(new PolicyName("a"), List.of(Rule.ALLOW_ALL), List.of());
    PolicyRules b = new PolicyRules(new PolicyName("b"), List.of(Rule.ALLOW_ALL), List.of());

    String script = update.render(withPolicies(first, List.of(a.name()), List.of(), List.of(a, b)),
        withPolicies(first, List.of(a.name(), b.name()), List.of(), List.of(a, b)));

    assertThat(script).startsWith("""
        add chain inet calico_mesos pi_b
        add rule inet calico_mesos pi_b meta mark set meta mark | 0x01000000 return
        add chain inet calico_mesos pli_c8687a08aa5d6ed2044328fa
        """).contains("""
        flush chain inet calico_mesos to_cali0000000000a
        add rule inet calico_mesos to_cali0000000000a meta mark set meta mark & 0xfcffffff
        add rule inet calico_mesos to_cali0000000000a jump pli_c8687a08aa5d6ed2044328fa
        """).endsWith("delete chain inet calico_mesos pli_ca978112ca1bbdcafac231b3\n")
        .doesNotContain("from_cali0000000000a", "chain inet calico_mesos pi_a");
  }

  private static HostPolicy withPolicies(EndpointPolicy endpoint, List<PolicyName> ingress, List<PolicyName> egress,
      List<PolicyRules> policies) {
    EndpointPolicy applied = new EndpointPolicy(endpoint.hostInterface(), endpoint.addresses(), endpoint.profiles(),
        endpoint.portMappings(), ingress, egress);
    return new HostPolicy(List.of(applied), List.of(new TagSet("prod", List.of(ip("198.18.0.1")))), List.of(),
        policies, HostNat.NONE);
  }

  /** {@code endpoints}, each applying the ingress policies {@code ingress}, with the tag set of {@link #two}. */
  private HostPolicy withPolicies(List<EndpointPolicy> endpoints, List<PolicyName> ingress,
      List<PolicyRules> policies) {
    List<EndpointPolicy> applied = endpoints.stream().map(endpoint -> new EndpointPolicy(endpoint.hostInterface(),
        endpoint.addresses(), endpoint.profiles(), endpoint.portMappings(), ingress, List.of())).toList();
    return new HostPolicy(applied, two.tagSets(), List.of(), policies, HostNat.NONE);
  }

  @Test
  void anEqualPolicyNeedsNoTransaction() {
    assertThat(update.render(two, two)).isEmpty();
  }
}
