package org.calicomesos.app.admin.rule;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.calicomesos.ports.policy.rule.PortRange;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleEntity;

/**
 * A rule on one line, for people, in the order a packet is checked: {@code allow tcp from tag prod to ports
 * 80,8000:8080}; {@code deny icmp type 8 code 0 from nets 10.1.0.0/16 !nets 10.1.2.0/24}. A rule with no conditions
 * is its action alone: it matches everything.
 */
public final class RuleText {
  private RuleText() {}

  public static String of(Rule rule) {
    List<String> words = new ArrayList<>();
    words.add(rule.action().keyword());
    rule.protocol().ifPresent(protocol -> words.add(protocol.keyword()));
    rule.icmp().ifPresent(icmp -> {
      words.add("type " + icmp.type());
      icmp.code().ifPresent(code -> words.add("code " + code));
    });
    if (!rule.source().equals(RuleEntity.ANY)) {
      words.add("from " + entity(rule.source()));
    }
    if (!rule.destination().equals(RuleEntity.ANY)) {
      words.add("to " + entity(rule.destination()));
    }
    return String.join(" ", words);
  }

  private static String entity(RuleEntity entity) {
    List<String> words = new ArrayList<>();
    entity.tag().ifPresent(tag -> words.add("tag " + tag));
    if (!entity.nets().isEmpty()) {
      words.add("nets " + nets(entity.nets()));
    }
    if (!entity.notNets().isEmpty()) {
      words.add("!nets " + nets(entity.notNets()));
    }
    entity.selector().ifPresent(selector -> words.add("selector \"" + selector.text() + "\""));
    if (!entity.ports().isEmpty()) {
      words.add("ports " + ports(entity.ports()));
    }
    if (!entity.notPorts().isEmpty()) {
      words.add("!ports " + ports(entity.notPorts()));
    }
    return String.join(" ", words);
  }

  private static String nets(List<IPAddress> nets) {
    return nets.stream().map(IPAddress::toCanonicalString).collect(Collectors.joining(","));
  }

  private static String ports(List<PortRange> ports) {
    return ports.stream().map(PortRange::text).collect(Collectors.joining(","));
  }
}
