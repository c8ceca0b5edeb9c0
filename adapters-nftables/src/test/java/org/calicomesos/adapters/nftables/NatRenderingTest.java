package org.calicomesos.adapters.nftables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.adapters.nftables.Policies.endpoint;
import static org.calicomesos.adapters.nftables.Policies.mapped;
import static org.calicomesos.adapters.nftables.Policies.nat;
import static org.calicomesos.adapters.nftables.Policies.profile;
import static org.calicomesos.adapters.nftables.Policies.tcp;

import java.util.List;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.rule.Rule;
import org.junit.jupiter.api.Test;

/**
 * NAT outgoing and port mappings, as the whole-table script and as updates; the NAT chains and the admission of
 * mapped ports are in the documented table ({@link RulesetRendererTest}).
 */
class NatRenderingTest {
  private static final HostNat POOLS = nat(List.of("198.18.0.0/16", "198.19.0.0/16", "fd00:c0de::/48"), List.of());
  private static final HostNat NAT_ON = nat(List.of("198.18.0.0/16", "198.19.0.0/16", "fd00:c0de::/48"),
      List.of("198.18.0.0/16", "fd00:c0de::/48"));

  private final RulesetRenderer renderer = new RulesetRenderer("calico_mesos");
  private final RulesetUpdate update = new RulesetUpdate("calico_mesos");
  private final EndpointPolicy web = mapped(endpoint("cali0000000000a", List.of("198.18.0.1", "fd00:c0de::1"),
      profile("nobody", List.of(), List.of(Rule.ALLOW_ALL))),
      tcp(8080, 80), new PortMapping(5353, 53, TransportProtocol.UDP));
  private final EndpointPolicy v4Only = mapped(endpoint("cali0000000000b", List.of("198.18.0.2", "198.18.0.3"),
      profile("nobody", List.of(), List.of())), tcp(8443, 443), tcp(8444, 443));

  @Test
  void theTableDeclaresTheNatObjectsOfEachFamilyWithTheirElements() {
    String script = renderer.replace(new HostPolicy(List.of(web, v4Only), List.of(), NAT_ON));

    assertThat(script).contains("""
          set nat_pools4 {
            type ipv4_addr
            flags interval
            elements = { 198.18.0.0/15 }
          }
          set nat_outgoing4 {
            type ipv4_addr
            flags interval
            elements = { 198.18.0.0/16 }
          }
          map port_dnat4 {
            type inet_proto . inet_service : ipv4_addr . inet_service
            elements = { tcp . 8080 : 198.18.0.1 . 80, udp . 5353 : 198.18.0.1 . 53, tcp . 8443 : 198.18.0.2 . 443, \
        tcp . 8444 : 198.18.0.2 . 443 }
          }
          set mapped_ports4 {
            type ipv4_addr . inet_proto . inet_service
            elements = { 198.18.0.1 . tcp . 80, 198.18.0.1 . udp . 53, 198.18.0.2 . tcp . 443 }
          }
          set hairpin4 {
            type ipv4_addr . ipv4_addr
            elements = { 198.18.0.1 . 198.18.0.1, 198.18.0.2 . 198.18.0.2, 198.18.0.3 . 198.18.0.2 }
          }
          set nat_pools6 {
            type ipv6_addr
            flags interval
            elements = { fd00:c0de::/48 }
          }
          set nat_outgoing6 {
            type ipv6_addr
            flags interval
            elements = { fd00:c0de::/48 }
          }
          map port_dnat6 {
            type inet_proto . inet_service : ipv6_addr . inet_service
            elements = { tcp . 8080 : fd00:c0de::1 . 80, udp . 5353 : fd00:c0de::1 . 53 }
          }
          set mapped_ports6 {
            type ipv6_addr . inet_proto . inet_service
            elements = { fd00:c0de::1 . tcp . 80, fd00:c0de::1 . udp . 53 }
          }
          set hairpin6 {
            type ipv6_addr . ipv6_addr
            elements = { fd00:c0de::1 . fd00:c0de::1 }
          }
        """);
  }

  @Test
  void withoutNatOrMappingsTheObjectsAreThereAndEmpty() {
    String script = renderer.replace(HostPolicy.EMPTY);

    assertThat(script).contains("set nat_pools4 {\n    type ipv4_addr\n    flags interval\n  }",
        "map port_dnat6 {\n    type inet_proto . inet_service : ipv6_addr . inet_service\n  }",
        "set hairpin6 {\n    type ipv6_addr . ipv6_addr\n  }", "chain nat_postrouting {")
        .doesNotContain("elements");
  }

  @Test
  void overlappingPoolsAreMergedSoTheIntervalSetTakesThem() {
    String script = renderer.replace(new HostPolicy(List.of(), List.of(),
        nat(List.of("10.0.0.0/24", "10.0.0.128/25", "10.0.1.0/24", "10.0.3.0/24"), List.of())));

    assertThat(script).contains("elements = { 10.0.0.0/23, 10.0.3.0/24 }");
  }

  @Test
  void turningNatOutgoingOnAndOffChangesPoolElementsOnly() {
    HostPolicy off = new HostPolicy(List.of(web), List.of(), POOLS);
    HostPolicy on = new HostPolicy(List.of(web), List.of(), NAT_ON);

    assertThat(update.render(off, on)).isEqualTo("""
        add element inet calico_mesos nat_outgoing4 { 198.18.0.0/16 }
        add element inet calico_mesos nat_outgoing6 { fd00:c0de::/48 }
        """);
    assertThat(update.render(on, off)).isEqualTo("""
        delete element inet calico_mesos nat_outgoing4 { 198.18.0.0/16 }
        delete element inet calico_mesos nat_outgoing6 { fd00:c0de::/48 }
        """);
  }

  @Test
  void anEndpointWithMappingsAddsItsElementsAndTakesThemWhenItGoes() {
    HostPolicy before = new HostPolicy(List.of(web), List.of(), POOLS);
    HostPolicy after = new HostPolicy(List.of(web, v4Only), List.of(), POOLS);

    assertThat(update.render(before, after)).doesNotContain("delete").contains("""
        add element inet calico_mesos port_dnat4 { tcp . 8443 : 198.18.0.2 . 443, tcp . 8444 : 198.18.0.2 . 443 }
        add element inet calico_mesos mapped_ports4 { 198.18.0.2 . tcp . 443 }
        add element inet calico_mesos hairpin4 { 198.18.0.2 . 198.18.0.2, 198.18.0.3 . 198.18.0.2 }
        """).doesNotContain("port_dnat6", "element inet calico_mesos mapped_ports6", "hairpin6");
    assertThat(update.render(after, before)).contains("""
        delete element inet calico_mesos port_dnat4 { tcp . 8443, tcp . 8444 }
        delete element inet calico_mesos mapped_ports4 { 198.18.0.2 . tcp . 443 }
        delete element inet calico_mesos hairpin4 { 198.18.0.2 . 198.18.0.2, 198.18.0.3 . 198.18.0.2 }
        """);
  }

  @Test
  void aHostPortThatMovesToAnotherContainerPortGoesByItsKeyFirst() {
    EndpointPolicy moved = mapped(web, tcp(8080, 81));

    assertThat(update.render(new HostPolicy(List.of(web), List.of()), new HostPolicy(List.of(moved), List.of())))
        .contains("""
            delete element inet calico_mesos port_dnat4 { tcp . 8080, udp . 5353 }
            add element inet calico_mesos port_dnat4 { tcp . 8080 : 198.18.0.1 . 81 }
            """);
  }
}
