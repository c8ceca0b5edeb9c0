package org.calicomesos.ports.policy.rule;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.model.IpFamily;

/**
 * One rule of a policy or a profile, in Calico's vocabulary: when a packet matches every condition given — its
 * {@code protocol}, its ICMP type and code, its {@code source} and its {@code destination} — the rule's
 * {@code action} applies. With no condition it matches everything.
 *
 * <p>Refused as Calico refuses them: ports without a protocol that has ports, an ICMP match without protocol icmp or
 * icmpv6, and nets of the other family than the protocol's (no packet could match).
 */
public record Rule(RuleAction action, Optional<RuleProtocol> protocol, Optional<IcmpMatch> icmp, RuleEntity source,
    RuleEntity destination) {
  public static final Rule ALLOW_ALL = allow(RuleEntity.ANY, RuleEntity.ANY);

  public Rule {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    for (String side : List.of("source", "destination")) {
      RuleEntity entity = side.equals("source") ? source : destination;
      if (entity.hasPorts() && (protocol.isEmpty() || !protocol.get().hasPorts())) {
        throw new InvalidPolicyException(side + (entity.ports().isEmpty() ? ".notPorts" : ".ports"),
            "need protocol tcp, udp, sctp or udplite" + protocol.map(p -> ", not " + p).orElse(""));
      }
      Optional<IpFamily> family = protocol.flatMap(RuleProtocol::family);
      if (family.isPresent() && !entity.nets().isEmpty()
          && entity.nets().stream().noneMatch(net -> IpFamily.of(net) == family.get())) {
        throw new InvalidPolicyException(side + ".nets", "hold no " + family.get().displayName() + " net, so no "
            + protocol.get() + " packet could match");
      }
    }
    if (icmp.isPresent() && (protocol.isEmpty() || protocol.get().family().isEmpty())) {
      throw new InvalidPolicyException("icmp", "needs protocol icmp or icmpv6" + protocol.map(p -> ", not " + p)
          .orElse(""));
    }
  }

  public static Rule allow(RuleEntity source, RuleEntity destination) {
    return new Rule(RuleAction.ALLOW, Optional.empty(), Optional.empty(), source, destination);
  }

  /** Calico v1's {@code allow src_tag=<tag>}: a netgroup's inbound rule. */
  public static Rule allowFromTag(String tag) {
    return allow(RuleEntity.tag(tag), RuleEntity.ANY);
  }

  public static Rule allowFromNet(IPAddress net) {
    return allow(RuleEntity.net(net), RuleEntity.ANY);
  }

  public static Rule allowToNet(IPAddress net) {
    return allow(RuleEntity.ANY, RuleEntity.net(net));
  }

  public boolean passes() {
    return action == RuleAction.PASS;
  }

  public Rule withAction(RuleAction newAction) {
    return new Rule(newAction, protocol, icmp, source, destination);
  }

  public Rule withProtocol(RuleProtocol newProtocol) {
    return new Rule(action, Optional.of(newProtocol), icmp, source, destination);
  }
}
