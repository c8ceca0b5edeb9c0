package org.calicomesos.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;
import org.junit.jupiter.api.Test;

/** Rules and policies as their records hold them (docs/datastore-schema.md, "Policies"). */
class RuleCodecTest {
  private static final Rule EVERY_FIELD = new Rule(RuleAction.DENY, Optional.of(RuleProtocol.TCP), Optional.empty(),
      new RuleEntity(List.of(net("10.0.0.0/8"), net("fd00::/8")), List.of(net("10.1.0.0/16")),
          Optional.of(Selector.parse("app in {'a','b'}")), Optional.of("prod"), List.of(PortRange.of(80)),
          List.of(new PortRange(8000, 8080))),
      new RuleEntity(List.of(net("192.0.2.1/32")), List.of(), Optional.empty(), Optional.of("dev"),
          List.of(new PortRange(1, 1024)), List.of(PortRange.of(22))));

  @Test
  void every_field_round_trips_in_calico_v1_names() {
    String json = JsonTree.write(RuleCodec.encode(EVERY_FIELD));

    assertThat(json).contains("\"action\":\"deny\"", "\"protocol\":\"tcp\"", "\"src_nets\":[\"10.0.0.0/8\",\"fd00::/8\"]",
        "\"!src_nets\":[\"10.1.0.0/16\"]", "\"src_selector\":\"app in {\\\"a\\\", \\\"b\\\"}\"", "\"src_tag\":\"prod\"",
        "\"src_ports\":[80]", "\"!src_ports\":[\"8000:8080\"]", "\"dst_net\":\"192.0.2.1/32\"",
        "\"dst_ports\":[\"1:1024\"]");
    assertThat(RuleCodec.decode(parse(json))).isEqualTo(EVERY_FIELD);
    Rule icmp = new Rule(RuleAction.LOG, Optional.of(RuleProtocol.ICMPV6), Optional.of(new IcmpMatch(128,
        OptionalInt.of(0))), RuleEntity.ANY, RuleEntity.ANY);
    assertThat(RuleCodec.decode(RuleCodec.encode(icmp))).isEqualTo(icmp);
  }

  @Test
  void a_v1_profile_rule_as_calico_wrote_it_still_reads() {
    assertThat(RuleCodec.decode(parse("{\"action\":\"allow\",\"src_tag\":\"prod\"}"))).isEqualTo(Rule.allowFromTag("prod"));
    assertThat(RuleCodec.decode(parse("{\"action\":\"allow\",\"src_net\":\"10.0.0.5/32\"}")))
        .isEqualTo(Rule.allowFromNet(net("10.0.0.5/32")));
    assertThat(RuleCodec.decode(parse("{\"action\":\"allow\",\"protocol\":6,\"dst_ports\":[\"5432\"]}")))
        .isEqualTo(new Rule(RuleAction.ALLOW, Optional.of(RuleProtocol.TCP), Optional.empty(), RuleEntity.ANY,
            RuleEntity.ports(PortRange.of(5432))));
  }

  @Test
  void a_field_we_do_not_know_or_a_bad_value_is_refused_by_its_path() {
    assertThatThrownBy(() -> RuleCodec.decodeAll(parse("[{\"action\":\"allow\"},{\"action\":\"allow\",\"log_prefix\":1}]"),
        "inbound_rules")).isInstanceOf(InvalidPolicyException.class)
        .hasMessage("inbound_rules[1].log_prefix is not a rule field we support");
    assertThatThrownBy(() -> RuleCodec.decode(parse("{\"action\":\"allow\",\"dst_ports\":[80]}")))
        .hasMessage("destination.ports need protocol tcp, udp, sctp or udplite");
    assertThatThrownBy(() -> RuleCodec.decode(parse("{\"action\":\"allow\",\"src_nets\":[\"10.0.0.300/8\"]}")))
        .hasMessage("src_nets '10.0.0.300/8' is not an IP address");
    assertThatThrownBy(() -> RuleCodec.decode(parse("{\"action\":\"allow\",\"protocol\":\"tcpp\"}")))
        .hasMessage("protocol must be tcp, udp, icmp, icmpv6, sctp, udplite or a number from 1 to 255, not 'tcpp'");
    assertThatThrownBy(() -> RuleCodec.decode(parse("{\"action\":\"allow\",\"protocol\":\"tcp\",\"dst_ports\":[70000]}")))
        .hasMessage("dst_ports must be a port from 0 to 65535 or a range such as 8000:8080, not '70000'");
  }

  @Test
  void a_policy_record_round_trips_and_types_default_as_calicos_do() {
    NetworkPolicy policy = new NetworkPolicy(new PolicyName("db.allow-web"), OptionalDouble.of(10.5),
        Selector.parse("app == 'db'"), Set.of(PolicyType.INGRESS, PolicyType.EGRESS), List.of(EVERY_FIELD), List.of());
    String key = "/calico/v1/policy/tier/default/policy/db.allow-web";

    assertThat(PolicyRecords.decode(policy.name(), new Entry(key, PolicyRecords.encode(policy), 1))).isEqualTo(policy);
    NetworkPolicy v1 = PolicyRecords.decode(policy.name(), new Entry(key,
        "{\"selector\":\"has(app)\",\"inbound_rules\":[],\"outbound_rules\":[{\"action\":\"pass\"}]}", 1));
    assertThat(v1.types()).containsExactlyInAnyOrder(PolicyType.INGRESS, PolicyType.EGRESS);
    assertThat(v1.order()).isEmpty();
    assertThatThrownBy(() -> PolicyRecords.decode(policy.name(), new Entry(key, "{\"selector\":\"app = 'x'\"}", 1)))
        .isInstanceOf(CorruptValueException.class).hasMessageContaining("selector \"app = 'x'\" is not valid");
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return JsonTree.parse(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static inet.ipaddr.IPAddress net(String text) {
    return Addresses.parseNet("test", text);
  }
}
