package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.policy.rule.IcmpMatch;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.InvalidSelectorException;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * One rule of a Calico v3 policy ({@code action}, {@code protocol}, {@code icmp}, {@code source},
 * {@code destination} with {@code selector}, {@code nets}, {@code notNets}, {@code ports}, {@code notPorts}), every
 * error naming its absolute path. What Calico has and we do not enforce ({@code notProtocol}, {@code http},
 * {@code serviceAccounts}, …) is refused by {@link StrictFields}.
 */
final class CalicoRuleReader {
  private static final Set<String> RULE_FIELDS = Set.of("action", "protocol", "icmp", "source", "destination");
  private static final Set<String> ICMP_FIELDS = Set.of("type", "code");
  private static final Set<String> ENTITY_FIELDS = Set.of("selector", "nets", "notNets", "ports", "notPorts");

  private CalicoRuleReader() {}

  static List<Rule> readAll(StrictFields parent, String field) {
    List<Rule> rules = new ArrayList<>();
    int index = 0;
    for (JsonNode rule : parent.list(field)) {
      rules.add(read(rule, StrictFields.element(parent.path(field), index++)));
    }
    return rules;
  }

  static Rule read(JsonNode node, String path) {
    StrictFields rule = StrictFields.of(node, path, RULE_FIELDS);
    RuleAction action = RuleAction.parse(rule.path("action"), rule.text("action").orElseThrow(
        () -> new InvalidPolicyException(rule.path("action"), "is missing; it must be Allow, Deny, Log or Pass")));
    Optional<RuleProtocol> protocol = rule.get("protocol")
        .map(value -> RuleProtocol.parse(rule.path("protocol"), value.isValueNode() ? value.asText() : value.toString()));
    Optional<IcmpMatch> icmp = rule.get("icmp").map(value -> icmp(value, path));
    RuleEntity source = rule.get("source").map(value -> entity(value, rule.path("source"))).orElse(RuleEntity.ANY);
    RuleEntity destination = rule.get("destination").map(value -> entity(value, rule.path("destination")))
        .orElse(RuleEntity.ANY);
    try {
      return new Rule(action, protocol, icmp, source, destination);
    } catch (InvalidPolicyException e) {
      throw e.within(path);
    }
  }

  /** @param rulePath the rule's path: IcmpMatch names its fields from the rule ({@code icmp.type}) */
  private static IcmpMatch icmp(JsonNode node, String rulePath) {
    StrictFields icmp = StrictFields.of(node, StrictFields.child(rulePath, "icmp"), ICMP_FIELDS);
    int type = icmp.get("type").map(value -> whole(value, icmp.path("type")))
        .orElseThrow(() -> new InvalidPolicyException(icmp.path("type"), "is missing; an ICMP match needs a type"));
    OptionalInt code = icmp.get("code").map(value -> OptionalInt.of(whole(value, icmp.path("code"))))
        .orElse(OptionalInt.empty());
    try {
      return new IcmpMatch(type, code);
    } catch (InvalidPolicyException e) {
      throw e.within(rulePath);
    }
  }

  private static int whole(JsonNode value, String path) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidPolicyException(path, "must be a whole number from 0 to 255, not '" + value.asText() + "'");
    }
    return value.intValue();
  }

  private static RuleEntity entity(JsonNode node, String path) {
    StrictFields entity = StrictFields.of(node, path, ENTITY_FIELDS);
    Optional<Selector> selector = entity.text("selector").map(text -> selector(text, entity.path("selector")));
    return new RuleEntity(nets(entity, "nets"), nets(entity, "notNets"), selector, Optional.empty(),
        ports(entity, "ports"), ports(entity, "notPorts"));
  }

  /** A selector, its error naming the field as the parser words it. */
  static Selector selector(String text, String path) {
    try {
      return Selector.parse(text);
    } catch (InvalidSelectorException e) {
      throw new InvalidPolicyException(path, e.describe(path).substring(path.length() + 1));
    }
  }

  private static List<IPAddress> nets(StrictFields entity, String field) {
    List<IPAddress> nets = new ArrayList<>();
    int index = 0;
    for (JsonNode net : entity.list(field)) {
      String path = StrictFields.element(entity.path(field), index++);
      if (!net.isTextual()) {
        throw new InvalidPolicyException(path, "must be a CIDR such as 10.0.0.0/16, not '" + net.asText() + "'");
      }
      nets.add(Addresses.parseNet(path, net.asText()));
    }
    return nets;
  }

  private static List<PortRange> ports(StrictFields entity, String field) {
    List<PortRange> ports = new ArrayList<>();
    int index = 0;
    for (JsonNode port : entity.list(field)) {
      String path = StrictFields.element(entity.path(field), index++);
      ports.add(PortRange.parse(path, port.isValueNode() ? port.asText() : port.toString()));
    }
    return ports;
  }
}
