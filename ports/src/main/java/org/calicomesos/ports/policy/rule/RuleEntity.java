package org.calicomesos.ports.policy.rule;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * One side of a rule, its source or its destination; every condition given must hold. {@code nets}: the address is in
 * one of them; {@code notNets}: in none; {@code selector}: it is an endpoint's (any host's) whose labels match;
 * {@code tag}: it is an endpoint's that has a profile carrying the tag (a netgroup, Calico v1's {@code src_tag});
 * {@code ports}: the port is in one of the ranges; {@code notPorts}: in none. A tag is datastore text: adapters must
 * never put it into a ruleset as is.
 */
public record RuleEntity(List<IPAddress> nets, List<IPAddress> notNets, Optional<Selector> selector,
    Optional<String> tag, List<PortRange> ports, List<PortRange> notPorts) {
  public static final RuleEntity ANY = new RuleEntity(List.of(), List.of(), Optional.empty(), Optional.empty(),
      List.of(), List.of());

  public RuleEntity {
    nets = List.copyOf(nets);
    notNets = List.copyOf(notNets);
    ports = List.copyOf(ports);
    notPorts = List.copyOf(notPorts);
  }

  public static RuleEntity tag(String tag) {
    return new RuleEntity(List.of(), List.of(), Optional.empty(), Optional.of(tag), List.of(), List.of());
  }

  public static RuleEntity net(IPAddress net) {
    return new RuleEntity(List.of(net), List.of(), Optional.empty(), Optional.empty(), List.of(), List.of());
  }

  public static RuleEntity selector(Selector selector) {
    return new RuleEntity(List.of(), List.of(), Optional.of(selector), Optional.empty(), List.of(), List.of());
  }

  public static RuleEntity ports(PortRange... ports) {
    return new RuleEntity(List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(ports), List.of());
  }

  public RuleEntity withSelector(Selector selector) {
    return new RuleEntity(nets, notNets, Optional.of(selector), tag, ports, notPorts);
  }

  public RuleEntity withPorts(PortRange... ranges) {
    return new RuleEntity(nets, notNets, selector, tag, List.of(ranges), notPorts);
  }

  public RuleEntity withNotNets(IPAddress... excluded) {
    return new RuleEntity(nets, List.of(excluded), selector, tag, ports, notPorts);
  }

  /** Whether any port condition is given (such a rule needs a protocol with ports). */
  public boolean hasPorts() {
    return !ports.isEmpty() || !notPorts.isEmpty();
  }
}
