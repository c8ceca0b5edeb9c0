package org.calicomesos.adapters.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.adapters.nftables.Policies.endpoint;
import static org.calicomesos.adapters.nftables.Policies.ip;
import static org.calicomesos.adapters.nftables.Policies.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RulesetRendererTest {
  private static final List<String> HOSTILE_TAGS = List.of("a;b", "x}", "\"q\"", "two\nlines", "z".repeat(200),
      "netgröup-ü", "Prod", "", " ", "{ flush ruleset }", "#comment");
  /** Readable tags that look like derived names. */
  private static final List<String> LOOKALIKE_TAGS = List.of("tag4_prod", "h4_0123456789abcdef01234567", "tagh4_0");

  private final RulesetRenderer renderer = new RulesetRenderer("calico_mesos");

  @Test
  void aSmallPolicyRendersAsTheDocumentedTable() {
    HostPolicy policy = new HostPolicy(
        List.of(endpoint("cali0123456789a", List.of("198.18.0.1", "fd00:c0de::1"),
            profile("prod", List.of(Rule.allowFromTag("prod")), List.of(Rule.ALLOW_ALL)))),
        List.of(new TagSet("prod", List.of(ip("198.18.0.1"), ip("198.18.0.2"), ip("fd00:c0de::1")))));

    assertThat(renderer.replace(policy)).isEqualTo("""
        table inet calico_mesos
        delete table inet calico_mesos
        table inet calico_mesos {
          set tag4_prod {
            type ipv4_addr
            flags interval
            auto-merge
            elements = { 198.18.0.1, 198.18.0.2 }
          }
          set tag6_prod {
            type ipv6_addr
            flags interval
            auto-merge
            elements = { fd00:c0de::1 }
          }
          set endpoint_interfaces {
            type ifname
            elements = { "cali0123456789a" }
          }
          set endpoint_sources4 {
            type ifname . ipv4_addr
            flags interval
            elements = { "cali0123456789a" . 198.18.0.1 }
          }
          set endpoint_sources6 {
            type ifname . ipv6_addr
            flags interval
            elements = { "cali0123456789a" . fd00:c0de::1 }
          }
          map from_endpoint {
            type ifname : verdict
            elements = { "cali0123456789a" : jump from_cali0123456789a }
          }
          map to_endpoint {
            type ifname : verdict
            elements = { "cali0123456789a" : jump to_cali0123456789a }
          }
          set nat_pools4 {
            type ipv4_addr
            flags interval
          }
          set nat_outgoing4 {
            type ipv4_addr
            flags interval
          }
          map port_dnat4 {
            type inet_proto . inet_service : ipv4_addr . inet_service
          }
          set mapped_ports4 {
            type ipv4_addr . inet_proto . inet_service
          }
          set hairpin4 {
            type ipv4_addr . ipv4_addr
          }
          set nat_pools6 {
            type ipv6_addr
            flags interval
          }
          set nat_outgoing6 {
            type ipv6_addr
            flags interval
          }
          map port_dnat6 {
            type inet_proto . inet_service : ipv6_addr . inet_service
          }
          set mapped_ports6 {
            type ipv6_addr . inet_proto . inet_service
          }
          set hairpin6 {
            type ipv6_addr . ipv6_addr
          }
          chain forward {
            type filter hook forward priority filter; policy accept;
            iifname "cali*" jump dispatch_from_workload
            oifname "cali*" jump dispatch_to_workload
          }
          chain input {
            type filter hook input priority filter; policy accept;
            iifname "cali*" icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit } accept
            iifname "cali*" jump dispatch_from_workload
          }
          chain output {
            type filter hook output priority filter; policy accept;
            oifname "cali*" icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } accept
            oifname "cali*" jump dispatch_to_workload
          }
          chain dispatch_from_workload {
            iifname != @endpoint_interfaces drop
            iifname . ip saddr != @endpoint_sources4 drop
            iifname . ip6 saddr != @endpoint_sources6 drop
            ct state established,related accept
            ct state invalid drop
            iifname vmap @from_endpoint
          }
          chain dispatch_to_workload {
            ct state established,related accept
            ct state invalid drop
            oifname != @endpoint_interfaces drop
            oifname vmap @to_endpoint
          }
          chain nat_prerouting {
            type nat hook prerouting priority dstnat; policy accept;
            ip daddr != 127.0.0.0/8 fib daddr type local dnat ip to meta l4proto . th dport map @port_dnat4
            ip6 daddr != ::1 fib daddr type local dnat ip6 to meta l4proto . th dport map @port_dnat6
          }
          chain nat_output {
            type nat hook output priority -100; policy accept;
            ip daddr != 127.0.0.0/8 fib daddr type local dnat ip to meta l4proto . th dport map @port_dnat4
            ip6 daddr != ::1 fib daddr type local dnat ip6 to meta l4proto . th dport map @port_dnat6
          }
          chain nat_postrouting {
            type nat hook postrouting priority srcnat; policy accept;
            ct status dnat ip saddr . ip daddr @hairpin4 masquerade
            ct status dnat ip6 saddr . ip6 daddr @hairpin6 masquerade
            iifname "cali*" ip saddr @nat_outgoing4 ip daddr != @nat_pools4 masquerade
            iifname "cali*" ip6 saddr @nat_outgoing6 ip6 daddr != @nat_pools6 masquerade
          }
          chain from_cali0123456789a {
            return
            drop
          }
          chain to_cali0123456789a {
            ct status dnat ip daddr . meta l4proto . th dport @mapped_ports4 return
            ct status dnat ip6 daddr . meta l4proto . th dport @mapped_ports6 return
            ip saddr @tag4_prod return
            ip6 saddr @tag6_prod return
            drop
          }
        }
        """);
  }

  @Test
  void withdrawIsTheCreateAndDeleteOfOurTableOnly() {
    assertThat(renderer.withdraw()).isEqualTo("table inet calico_mesos\ndelete table inet calico_mesos\n");
    assertThat(new RulesetRenderer("calico_mesos_t1").replace(HostPolicy.EMPTY))
        .startsWith("table inet calico_mesos_t1\ndelete table inet calico_mesos_t1\ntable inet calico_mesos_t1 {\n");
  }

  @Test
  void theEmptyPolicyStillDropsEveryCaliInterfaceAndDeclaresNoElements() {
    String script = renderer.replace(HostPolicy.EMPTY);

    assertThat(script).doesNotContain("elements").doesNotContain("chain from_cali").doesNotContain("chain to_cali")
        .contains("iifname != @endpoint_interfaces drop", "oifname != @endpoint_interfaces drop");
  }

  // Names

  @Test
  void aShortLowerCaseTagKeepsItsNameAndAnyOtherIsHashed() {
    assertThat(AddressSetNames.ofTag("prod")).isEqualTo(new AddressSetNames("tag4_prod", "tag6_prod"));
    assertThat(AddressSetNames.ofTag("netgroup_2")).isEqualTo(new AddressSetNames("tag4_netgroup_2", "tag6_netgroup_2"));
    assertThat(AddressSetNames.ofTag("a".repeat(32)).ipv4()).isEqualTo("tag4_" + "a".repeat(32));
    assertThat(AddressSetNames.ofTag("h4_0123456789abcdef01234567").ipv4()).isEqualTo("tag4_h4_0123456789abcdef01234567");
    for (String tag : Stream.concat(HOSTILE_TAGS.stream(), Stream.of("a".repeat(33), "_x", "a-b", "a.b")).toList()) {
      assertThat(AddressSetNames.ofTag(tag).ipv4()).as("set name of %s", tag).matches("tagh4_[0-9a-f]{24}");
      assertThat(AddressSetNames.ofTag(tag).ipv6()).as("set name of %s", tag).matches("tagh6_[0-9a-f]{24}");
    }
  }

  /**
   * The proof that no two tags share a set: a readable name is {@code tag} + family digit + '_' + the tag, so two
   * readable tags differ in their names; a hashed name has 'h' where a readable one has its digit; and among hashed
   * names a clash would be a 96-bit SHA-256 prefix collision. Checked over tags built to come close: readable tags
   * that look like hashed names, and hashed tags that differ from readable ones by one character.
   */
  @Test
  void noTwoTagsShareASetName() {
    List<String> tags = new ArrayList<>(HOSTILE_TAGS);
    tags.addAll(LOOKALIKE_TAGS);
    Random random = new Random(6);
    for (int i = 0; i < 20_000; i++) {
      String hex = Long.toHexString(random.nextLong());
      tags.add(hex.substring(0, 1 + random.nextInt(hex.length())));
      tags.add("h4_" + hex);
      tags.add("H4_" + hex);
      tags.add(hex + "-");
    }
    Set<String> distinct = new HashSet<>(tags);
    Set<String> names = new HashSet<>();
    for (String tag : distinct) {
      AddressSetNames derived = AddressSetNames.ofTag(tag);
      assertThat(names.add(derived.ipv4())).as("v4 set name of %s is new", tag).isTrue();
      assertThat(names.add(derived.ipv6())).as("v6 set name of %s is new", tag).isTrue();
      assertThat(derived.ipv4().charAt(3)).isIn('4', 'h');
    }
  }

  @Test
  void noTagTextReachesTheScript() {
    List<TagSet> tagSets = HOSTILE_TAGS.stream().map(tag -> new TagSet(tag, List.of(ip("198.18.0.9")))).toList();
    List<Rule> inbound = HOSTILE_TAGS.stream().map(Rule::allowFromTag).toList();
    HostPolicy policy = new HostPolicy(
        List.of(endpoint("cali0123456789a", List.of("198.18.0.1"), profile("p", inbound, List.of()))), tagSets);

    String script = renderer.replace(policy);

    for (String tag : List.of("a;b", "x}", "\"q\"", "two\nlines", "z".repeat(200), "netgröup-ü", "Prod",
        "{ flush ruleset }", "#comment")) {
      assertThat(script).as("script with tag %s", tag).doesNotContain(tag);
    }
    assertThat(script).doesNotContain("flush").doesNotContain("#").matches("(?s)[\\x20-\\x7e\\n]*");
    assertThat(script.lines().filter(line -> line.contains("saddr @tag"))).hasSize(2 * HOSTILE_TAGS.size());
  }

  @Test
  void anInterfaceNamedWorkloadGetsChainsOfItsOwn() {
    String script = renderer.replace(new HostPolicy(
        List.of(endpoint("workload", List.of("198.18.0.1"), profile("p", List.of(), List.of()))), List.of()));

    assertThat(script).contains("chain from_workload {", "chain to_workload {",
        "chain dispatch_from_workload {", "chain dispatch_to_workload {");
  }

  // Rules and families

  record RuleCase(String description, Rule rule, List<String> lines) {
    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<RuleCase> ruleCases() {
    RuleEntity prod = RuleEntity.tag("prod");
    return Stream.of(
        new RuleCase("no condition", Rule.ALLOW_ALL, List.of("return")),
        new RuleCase("tag: one statement per family", Rule.allowFromTag("prod"),
            List.of("ip saddr @tag4_prod return", "ip6 saddr @tag6_prod return")),
        new RuleCase("IPv4 source net", Rule.allowFromNet(ip("10.0.0.0/8")), List.of("ip saddr 10.0.0.0/8 return")),
        new RuleCase("IPv6 destination net", Rule.allowToNet(ip("fd00::/64")),
            List.of("ip6 daddr fd00::/64 return")),
        new RuleCase("a /32 is a plain address", Rule.allowFromNet(ip("192.0.2.2/32")),
            List.of("ip saddr 192.0.2.2 return")),
        new RuleCase("tag and IPv6 net: the net's family only",
            Rule.allow(new RuleEntity(List.of(ip("fd00::/64")), List.of(), Optional.empty(), Optional.of("prod"),
                List.of(), List.of()), RuleEntity.ANY),
            List.of("ip6 saddr fd00::/64 ip6 saddr @tag6_prod return")),
        new RuleCase("nets of two families can never match",
            Rule.allow(RuleEntity.net(ip("10.0.0.0/8")), RuleEntity.net(ip("fd00::/64"))), List.of()),
        new RuleCase("deny with nets of both families: one statement each",
            rule(RuleAction.DENY, RuleEntity.ANY, new RuleEntity(List.of(ip("10.0.0.0/8"), ip("fd00::/64"),
                ip("192.0.2.0/24")), List.of(), Optional.empty(), Optional.empty(), List.of(), List.of())),
            List.of("ip daddr { 10.0.0.0/8, 192.0.2.0/24 } drop", "ip6 daddr fd00::/64 drop")),
        new RuleCase("notNets of one family: the other family's statement names its family",
            rule(RuleAction.ALLOW, RuleEntity.ANY.withNotNets(ip("10.1.0.0/16")), RuleEntity.ANY),
            List.of("ip saddr != 10.1.0.0/16 return", "meta nfproto ipv6 return")),
        new RuleCase("tcp with ports and notPorts, a selector source",
            new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.TCP), Optional.empty(),
                RuleEntity.selector(Selector.parse("role == 'db'")),
                RuleEntity.ports(PortRange.of(80), new PortRange(8000, 8080))),
            List.of("meta l4proto tcp ip saddr @sel4_" + sha(Selector.parse("role == 'db'").text())
                    + " th dport { 80, 8000-8080 } return",
                "meta l4proto tcp ip6 saddr @sel6_" + sha(Selector.parse("role == 'db'").text())
                    + " th dport { 80, 8000-8080 } return")),
        new RuleCase("udp notPorts: one statement for both families",
            new Rule(RuleAction.DENY, Optional.of(RuleProtocol.UDP), Optional.empty(), new RuleEntity(List.of(),
                List.of(), Optional.empty(), Optional.empty(), List.of(), List.of(PortRange.of(53))), RuleEntity.ANY),
            List.of("meta l4proto udp th sport != 53 drop")),
        new RuleCase("icmp type and code: IPv4 only",
            new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.ICMP), Optional.of(new IcmpMatch(3, OptionalInt.of(4))),
                prod, RuleEntity.ANY),
            List.of("meta l4proto icmp icmp type 3 icmp code 4 ip saddr @tag4_prod return")),
        new RuleCase("icmpv6 type: IPv6 only, by number",
            new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.ICMPV6), Optional.of(IcmpMatch.type(128)), prod,
                RuleEntity.ANY),
            List.of("meta l4proto 58 icmpv6 type 128 ip6 saddr @tag6_prod return")),
        new RuleCase("another protocol by number", rule(RuleAction.DENY, RuleEntity.ANY, RuleEntity.ANY)
            .withProtocol(new RuleProtocol(47)), List.of("meta l4proto 47 drop")),
        new RuleCase("log goes on", rule(RuleAction.LOG, RuleEntity.ANY, RuleEntity.ANY),
            List.of("log prefix \"calico-mesos to_cali1 \"")));
  }

  @ParameterizedTest
  @MethodSource("ruleCases")
  void profileRulesRenderPerFamily(RuleCase ruleCase) {
    assertThat(new RuleLines().render(ruleCase.rule(), RuleVerdicts.PROFILE, "to_cali1"))
        .containsExactlyElementsOf(ruleCase.lines());
  }

  @Test
  void policyRulesTellTheEndpointChainByMarkBits() {
    RuleLines lines = new RuleLines();

    assertThat(lines.render(Rule.ALLOW_ALL, RuleVerdicts.POLICY, "pi_db"))
        .containsExactly("meta mark set meta mark | 0x01000000 return");
    assertThat(lines.render(Rule.ALLOW_ALL.withAction(RuleAction.PASS), RuleVerdicts.POLICY, "pi_db"))
        .containsExactly("meta mark set meta mark | 0x02000000 return");
    assertThat(lines.render(Rule.ALLOW_ALL.withAction(RuleAction.DENY), RuleVerdicts.POLICY, "pi_db"))
        .containsExactly("drop");
    assertThat(lines.render(Rule.ALLOW_ALL.withAction(RuleAction.LOG), RuleVerdicts.POLICY, "pi_db"))
        .containsExactly("log prefix \"calico-mesos pi_db \"");
  }

  @Test
  void policyChainNamesStayShortAndReadableWhereTheyCan() {
    assertThat(NftNames.ingressPolicyChain(new PolicyName("allow-db.prod"))).isEqualTo("pi_allow-db.prod");
    assertThat(NftNames.egressPolicyChain(new PolicyName("a".repeat(28)))).isEqualTo("po_" + "a".repeat(28));
    assertThat(NftNames.egressPolicyChain(new PolicyName("a".repeat(29)))).isEqualTo("poh_" + sha("a".repeat(29)));
    assertThat(NftNames.ingressPolicyChain(new PolicyName("x".repeat(253)))).hasSize(28);
  }

  @Test
  void listChainNamesAreShortAndDifferByDirectionAndOrder() {
    PolicyName a = new PolicyName("a");
    PolicyName b = new PolicyName("x".repeat(253));
    assertThat(NftNames.ingressListChain(List.of(a, b))).isEqualTo("pli_" + sha("a " + "x".repeat(253)));
    assertThat(NftNames.egressListChain(List.of(a, b))).isEqualTo("ple_" + sha("a " + "x".repeat(253)));
    assertThat(NftNames.ingressListChain(List.of(b, a))).isNotEqualTo(NftNames.ingressListChain(List.of(a, b)));
  }

  @Test
  void anEndpointChainJumpsToItsListOfPoliciesThenAdmitsMappedPortsThenProfiles() {
    PolicyRules first = new PolicyRules(new PolicyName("first"), List.of(Rule.ALLOW_ALL.withAction(RuleAction.PASS)),
        List.of());
    PolicyRules second = new PolicyRules(new PolicyName("second"), List.of(Rule.allowFromTag("prod")), List.of());
    EndpointPolicy endpoint = new EndpointPolicy(new InterfaceName("cali1"), List.of(ip("198.18.0.1")),
        List.of(profile("p", List.of(Rule.ALLOW_ALL), List.of(Rule.ALLOW_ALL))), List.of(),
        List.of(first.name(), second.name()), List.of());
    HostPolicy policy = new HostPolicy(List.of(endpoint), List.of(new TagSet("prod", List.of())), List.of(),
        List.of(first, second), HostNat.NONE);

    String script = renderer.replace(policy);

    assertThat(script).contains("""
          chain pi_first {
            meta mark set meta mark | 0x02000000 return
          }
          chain pi_second {
            ip saddr @tag4_prod meta mark set meta mark | 0x01000000 return
            ip6 saddr @tag6_prod meta mark set meta mark | 0x01000000 return
          }
          chain pli_92088ec140fc553e4b1ede20 {
            jump pi_first
            meta mark & 0x01000000 == 0x01000000 return
            meta mark & 0x02000000 == 0x00000000 jump pi_second
            meta mark & 0x01000000 == 0x01000000 return
          }
          chain from_cali1 {
            return
            drop
          }
          chain to_cali1 {
            meta mark set meta mark & 0xfcffffff
            jump pli_92088ec140fc553e4b1ede20
            meta mark & 0x01000000 == 0x01000000 meta mark set meta mark & 0xfeffffff return
            meta mark & 0x02000000 == 0x00000000 drop
            meta mark set meta mark & 0xfdffffff
            ct status dnat ip daddr . meta l4proto . th dport @mapped_ports4 return
            ct status dnat ip6 daddr . meta l4proto . th dport @mapped_ports6 return
            return
            drop
          }
        """);
    assertThat(script).doesNotContain("po_first").doesNotContain("po_second").doesNotContain("ple_");
  }

  @Test
  void selectorSetsAreHashedAndNoSelectorTextReachesTheScript() {
    Selector selector = Selector.parse("role == \"db'; flush ruleset\"");
    PolicyRules db = new PolicyRules(new PolicyName("db"), List.of(Rule.allow(RuleEntity.selector(selector),
        RuleEntity.ANY)), List.of());
    HostPolicy policy = new HostPolicy(List.of(new EndpointPolicy(new InterfaceName("cali1"), List.of(ip("198.18.0.1")),
        List.of(), List.of(), List.of(db.name()), List.of())), List.of(),
        List.of(new SelectorSet(selector, List.of(ip("198.18.0.2"), ip("fd00::2")))), List.of(db), HostNat.NONE);

    String script = renderer.replace(policy);

    assertThat(script).doesNotContain("role").doesNotContain("flush")
        .contains("set sel4_" + sha(selector.text()) + " {\n    type ipv4_addr\n    flags interval\n    auto-merge\n"
            + "    elements = { 198.18.0.2 }\n  }");
  }

  private static Rule rule(RuleAction action, RuleEntity source, RuleEntity destination) {
    return new Rule(action, Optional.empty(), Optional.empty(), source, destination);
  }

  private static String sha(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anEndpointMaySendOnlyFromItsOwnAddresses() {
    String v4Only = renderer.replace(new HostPolicy(
        List.of(endpoint("cali1", List.of("198.18.0.1", "198.18.0.2"), profile("p", List.of(), List.of()))),
        List.of()));
    String none = renderer.replace(new HostPolicy(
        List.of(endpoint("cali1", List.of(), profile("p", List.of(), List.of()))), List.of()));

    // Its sources are the pairs it may send from; a family it has no address of matches no pair, so it is dropped.
    assertThat(v4Only).contains("""
          set endpoint_sources4 {
            type ifname . ipv4_addr
            flags interval
            elements = { "cali1" . 198.18.0.1, "cali1" . 198.18.0.2 }
          }
          set endpoint_sources6 {
            type ifname . ipv6_addr
            flags interval
          }
        """);
    assertThat(none).doesNotContain("\"cali1\" . ");
  }

  @Test
  void tagSetsSplitTheirMembersByFamilyAndKeepPrefixes() {
    String script = renderer.replace(new HostPolicy(List.of(),
        List.of(new TagSet("mixed", List.of(ip("10.0.0.0/8"), ip("198.18.0.1"), ip("fd00::/64"))),
            new TagSet("empty", List.of()))));

    assertThat(script).contains("set tag4_mixed {\n    type ipv4_addr\n    flags interval\n    auto-merge\n"
        + "    elements = { 10.0.0.0/8, 198.18.0.1 }\n  }");
    assertThat(script).contains("set tag6_mixed {\n    type ipv6_addr\n    flags interval\n    auto-merge\n"
        + "    elements = { fd00::/64 }\n  }");
    assertThat(script).contains("set tag4_empty {\n    type ipv4_addr\n    flags interval\n    auto-merge\n  }");
    assertThat(script).contains("set tag6_empty {\n    type ipv6_addr\n    flags interval\n    auto-merge\n  }");
  }

  @Test
  void addressesRenderAsExactlyTheAddressesTheyStandFor() {
    assertThat(NftAddresses.values(ip("198.18.0.1"))).containsExactly("198.18.0.1");
    assertThat(NftAddresses.values(ip("198.18.0.1/32"))).containsExactly("198.18.0.1");
    assertThat(NftAddresses.values(ip("fd00:c0de::1/128"))).containsExactly("fd00:c0de::1");
    assertThat(NftAddresses.values(ip("FD00:C0DE:0::/48"))).containsExactly("fd00:c0de::/48");
    assertThat(NftAddresses.values(ip("fe80::1%eth0"))).containsExactly("fe80::1");
    assertThat(NftAddresses.values(ip("10.0.0.0-2"))).containsExactly("10.0.0.0/31", "10.0.0.2");
    assertThat(NftAddresses.expression(List.of(ip("10.0.0.1"), ip("10.0.0.1/32")))).isEqualTo("10.0.0.1");
    assertThatThrownBy(() -> NftAddresses.expression(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  // Determinism

  @Test
  void equalPoliciesRenderIdenticallyAndOrderIsKept() {
    HostPolicy first = twoEndpoints();
    HostPolicy second = twoEndpoints();

    assertThat(renderer.replace(first)).isEqualTo(renderer.replace(second));
    String script = renderer.replace(first);
    assertThat(script.indexOf("chain from_caliB")).isLessThan(script.indexOf("chain from_caliA"));
    assertThat(script).contains("elements = { \"caliB\", \"caliA\" }");
    assertThat(script.indexOf("ip saddr 10.2.0.0/16 return")).isLessThan(script.indexOf("ip saddr 10.1.0.0/16 return"));
  }

  private static HostPolicy twoEndpoints() {
    List<EndpointPolicy> endpoints = List.of(
        endpoint("caliB", List.of("198.18.0.2"),
            profile("p", List.of(Rule.allowFromNet(ip("10.2.0.0/16")), Rule.allowFromNet(ip("10.1.0.0/16"))),
                List.of())),
        endpoint("caliA", List.of("198.18.0.1"), profile("p", List.of(), List.of())));
    return new HostPolicy(endpoints, List.of());
  }

  // nft's errors

  @Test
  void nftsFirstErrorBecomesOneLineWithoutTheEchoedScript() {
    String output = """
        /dev/stdin:57:61-67: Error: Could not process rule: Too many open files in system
          set small { type ipv4_addr; size 1; elements = { 1.1.1.1, 2.2.2.2 }
                                                                    ^^^^^^^
        /dev/stdin:59:1-1: Error: syntax error, unexpected end of file
        """;

    assertThat(NftProcess.firstError(output, 1))
        .isEqualTo("line 57: Could not process rule: Too many open files in system");
    assertThat(NftProcess.firstError("Error: Could not process rule: Operation not permitted\nadd table x\n", 1))
        .isEqualTo("Could not process rule: Operation not permitted");
    assertThat(NftProcess.firstError("", 139)).isEqualTo("exit status 139");
    assertThat(NftProcess.firstError("x".repeat(1000), 1)).hasSize(301);
  }
}
