package org.calicomesos.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.InvalidRequestException;
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
 * A rule as Calico v1 stored it, in a profile's {@code rules} record and in a policy record: {@code action},
 * {@code protocol}, {@code icmp_type}, {@code icmp_code}, and per side ({@code src_}, {@code dst_}) {@code tag},
 * {@code net} (one) or {@code nets}, {@code !nets}, {@code selector}, {@code ports}, {@code !ports}. Ports are numbers
 * or {@code "8000:8080"}. A field we do not know is refused by name, so a rule never means less than its record says.
 */
public final class RuleCodec {
  private static final List<String> FIELDS = List.of("action", "protocol", "icmp_type", "icmp_code",
      "src_tag", "src_net", "src_nets", "!src_nets", "src_selector", "src_ports", "!src_ports",
      "dst_tag", "dst_net", "dst_nets", "!dst_nets", "dst_selector", "dst_ports", "!dst_ports");

  private RuleCodec() {}

  /** The rules of a list field; {@code field} names it in errors ({@code inbound_rules[2].protocol …}). */
  public static List<Rule> decodeAll(JsonNode array, String field) {
    if (array.isMissingNode() || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a list");
    }
    List<Rule> rules = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      try {
        rules.add(decode(array.get(i)));
      } catch (InvalidPolicyException e) {
        throw e.within(field + "[" + i + "]");
      }
    }
    return rules;
  }

  public static Rule decode(JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidPolicyException("rule", "must be an object");
    }
    node.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        throw new InvalidPolicyException(name, "is not a rule field we support");
      }
    });
    RuleAction action = RuleAction.parse("action", text(node, "action").orElse(null));
    Optional<RuleProtocol> protocol = text(node, "protocol").map(text -> RuleProtocol.parse("protocol", text))
        .or(() -> node.path("protocol").isInt()
            ? Optional.of(RuleProtocol.parse("protocol", node.get("protocol").asText())) : Optional.empty());
    Optional<IcmpMatch> icmp = Optional.empty();
    if (node.has("icmp_type")) {
      OptionalInt code = node.has("icmp_code") ? OptionalInt.of(integer(node, "icmp_code")) : OptionalInt.empty();
      icmp = Optional.of(new IcmpMatch(integer(node, "icmp_type"), code));
    } else if (node.has("icmp_code")) {
      throw new InvalidPolicyException("icmp_code", "needs icmp_type");
    }
    return new Rule(action, protocol, icmp, entity(node, "src_"), entity(node, "dst_"));
  }

  public static ArrayNode encodeAll(List<Rule> rules) {
    ArrayNode array = JsonTree.array();
    rules.forEach(rule -> array.add(encode(rule)));
    return array;
  }

  public static ObjectNode encode(Rule rule) {
    ObjectNode node = JsonTree.object();
    node.put("action", rule.action().keyword());
    rule.protocol().ifPresent(protocol -> node.put("protocol", protocol.keyword()));
    rule.icmp().ifPresent(icmp -> {
      node.put("icmp_type", icmp.type());
      icmp.code().ifPresent(code -> node.put("icmp_code", code));
    });
    putEntity(node, "src_", rule.source());
    putEntity(node, "dst_", rule.destination());
    return node;
  }

  private static RuleEntity entity(JsonNode node, String side) {
    Optional<String> tag = text(node, side + "tag");
    List<IPAddress> nets = new ArrayList<>();
    text(node, side + "net").ifPresent(net -> nets.add(net(side + "net", net)));
    nets.addAll(nets(node, side + "nets"));
    Optional<Selector> selector = text(node, side + "selector").map(text -> selector(side + "selector", text));
    return new RuleEntity(nets, nets(node, "!" + side + "nets"), selector, tag, ports(node, side + "ports"),
        ports(node, "!" + side + "ports"));
  }

  private static void putEntity(ObjectNode node, String side, RuleEntity entity) {
    entity.tag().ifPresent(tag -> node.put(side + "tag", tag));
    if (entity.nets().size() == 1) {
      node.put(side + "net", entity.nets().get(0).toCanonicalString());
    } else if (!entity.nets().isEmpty()) {
      ArrayNode nets = node.putArray(side + "nets");
      entity.nets().forEach(net -> nets.add(net.toCanonicalString()));
    }
    if (!entity.notNets().isEmpty()) {
      ArrayNode nets = node.putArray("!" + side + "nets");
      entity.notNets().forEach(net -> nets.add(net.toCanonicalString()));
    }
    entity.selector().ifPresent(selector -> node.put(side + "selector", selector.text()));
    putPorts(node, side + "ports", entity.ports());
    putPorts(node, "!" + side + "ports", entity.notPorts());
  }

  private static void putPorts(ObjectNode node, String field, List<PortRange> ports) {
    if (!ports.isEmpty()) {
      ArrayNode array = node.putArray(field);
      ports.forEach(range -> {
        if (range.isSingle()) {
          array.add(range.first());
        } else {
          array.add(range.text());
        }
      });
    }
  }

  private static Selector selector(String field, String text) {
    try {
      return Selector.parse(text);
    } catch (InvalidSelectorException e) {
      throw new InvalidPolicyException(field, "is not a valid selector: " + e.problem());
    }
  }

  private static List<IPAddress> nets(JsonNode node, String field) {
    List<IPAddress> nets = new ArrayList<>();
    for (JsonNode net : list(node, field)) {
      if (!net.isTextual()) {
        throw new InvalidPolicyException(field, "must hold CIDRs as strings");
      }
      nets.add(net(field, net.asText()));
    }
    return nets;
  }

  /** A net, its error in our form so that a caller can give it a path. */
  private static IPAddress net(String field, String text) {
    try {
      return Addresses.parseNet(field, text);
    } catch (InvalidRequestException e) {
      throw new InvalidPolicyException(field, e.getMessage().substring(field.length()).strip());
    }
  }

  private static List<PortRange> ports(JsonNode node, String field) {
    List<PortRange> ports = new ArrayList<>();
    for (JsonNode port : list(node, field)) {
      if (!port.isTextual() && !port.isIntegralNumber()) {
        throw new InvalidPolicyException(field, "must hold ports as numbers or \"first:last\" strings");
      }
      ports.add(PortRange.parse(field, port.asText()));
    }
    return ports;
  }

  private static JsonNode list(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return JsonTree.array();
    }
    if (!value.isArray()) {
      throw new InvalidPolicyException(field, "must be a list");
    }
    return value;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      if (field.equals("protocol") && value.isInt()) {
        return Optional.empty();
      }
      throw new InvalidPolicyException(field, "must be a string");
    }
    return Optional.of(value.asText());
  }

  private static int integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidPolicyException(field, "must be a whole number");
    }
    return value.intValue();
  }
}
