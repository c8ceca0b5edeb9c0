package org.calicomesos.app.admin.rule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleEntity;

/**
 * A rule as a tree in Calico v3's shape ({@code action}, {@code protocol}, {@code icmp}, {@code source},
 * {@code destination}), for {@code policy show}'s YAML and for JSON output alike; only the two negated fields are
 * spelled differently ({@code notNets} in Calico's YAML, {@code not_nets} in our snake_case JSON). A field the rule
 * does not have is left out, so a shown policy reads as one written by hand.
 */
public final class RuleTree {
  /** How the negated fields are spelled. */
  public enum Spelling {
    CALICO("notNets", "notPorts"),
    SNAKE_CASE("not_nets", "not_ports");

    private final String notNets;
    private final String notPorts;

    Spelling(String notNets, String notPorts) {
      this.notNets = notNets;
      this.notPorts = notPorts;
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RuleTree() {}

  /** Actions capitalised as Calico writes them ({@code Allow}) for YAML, lower case for JSON. */
  public static ObjectNode of(Rule rule, Spelling spelling) {
    ObjectNode node = NODES.objectNode();
    String action = rule.action().keyword();
    node.put("action", spelling == Spelling.CALICO ? Character.toUpperCase(action.charAt(0)) + action.substring(1)
        : action);
    rule.protocol().ifPresent(protocol -> {
      if (protocol.keyword().chars().allMatch(Character::isDigit)) {
        node.put("protocol", protocol.number());
      } else {
        node.put("protocol", spelling == Spelling.CALICO ? calicoProtocol(protocol.keyword()) : protocol.keyword());
      }
    });
    rule.icmp().ifPresent(icmp -> {
      ObjectNode match = node.putObject("icmp");
      match.put("type", icmp.type());
      icmp.code().ifPresent(code -> match.put("code", code));
    });
    if (!rule.source().equals(RuleEntity.ANY)) {
      node.set("source", entity(rule.source(), spelling));
    }
    if (!rule.destination().equals(RuleEntity.ANY)) {
      node.set("destination", entity(rule.destination(), spelling));
    }
    return node;
  }

  public static ArrayNode of(List<Rule> rules, Spelling spelling) {
    ArrayNode array = NODES.arrayNode();
    rules.forEach(rule -> array.add(of(rule, spelling)));
    return array;
  }

  /** Calico's docs write {@code TCP}, {@code ICMPv6}; it accepts any case, as we do. */
  private static String calicoProtocol(String keyword) {
    return keyword.equals("icmpv6") ? "ICMPv6" : keyword.equals("udplite") ? "UDPLite" : keyword.toUpperCase(java.util.Locale.ROOT);
  }

  private static ObjectNode entity(RuleEntity entity, Spelling spelling) {
    ObjectNode node = NODES.objectNode();
    // Profiles' netgroup rules only: Calico v3 has no tags, so apply refuses one, as it should.
    entity.tag().ifPresent(tag -> node.put("tag", tag));
    entity.selector().ifPresent(selector -> node.put("selector", selector.text()));
    putNets(node, "nets", entity.nets());
    putNets(node, spelling.notNets, entity.notNets());
    putPorts(node, "ports", entity.ports());
    putPorts(node, spelling.notPorts, entity.notPorts());
    return node;
  }

  private static void putNets(ObjectNode node, String field, List<IPAddress> nets) {
    if (!nets.isEmpty()) {
      ArrayNode array = node.putArray(field);
      nets.forEach(net -> array.add(net.toCanonicalString()));
    }
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
}
