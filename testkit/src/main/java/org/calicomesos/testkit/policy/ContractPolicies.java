package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.RuleAction;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.rule.RuleProtocol;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * The policies the contract enforces, written the way core compiles them
 * (docs/calico-model.md, "Profiles and policy").
 */
final class ContractPolicies {
  private ContractPolicies() {}

  /** A netgroup's profile: in from endpoints carrying {@code tag}, everything out. */
  static ProfilePolicy netgroup(String profile, String tag) {
    return profile(profile, List.of(Rule.allowFromTag(tag)), List.of(Rule.ALLOW_ALL));
  }

  /** {@code public}: everyone in, everything out. */
  static ProfilePolicy publicProfile() {
    return profile("public", List.of(Rule.ALLOW_ALL), List.of(Rule.ALLOW_ALL));
  }

  static ProfilePolicy profile(String name, List<Rule> inbound, List<Rule> outbound) {
    return new ProfilePolicy(new ProfileName(name), inbound, outbound);
  }

  /** A rule's net for exactly one address, as core writes the host's ({@code 192.0.2.2/32}). */
  static IPAddress only(IPAddress address) {
    return address.withoutPrefixLength().toPrefixBlock(address.getBitCount());
  }

  static EndpointPolicy endpoint(Workload workload, ProfilePolicy... profiles) {
    return new EndpointPolicy(workload.hostInterface(), workload.addresses(), List.of(profiles));
  }

  static TagSet tagSet(String tag, Workload... members) {
    List<IPAddress> addresses = new ArrayList<>();
    Stream.of(members).forEach(member -> addresses.addAll(member.addresses()));
    addresses.sort(Comparator.naturalOrder());
    return new TagSet(tag, addresses);
  }

  /** The endpoint with {@code mappings}. */
  static EndpointPolicy mapped(EndpointPolicy endpoint, PortMapping... mappings) {
    return new EndpointPolicy(endpoint.hostInterface(), endpoint.addresses(), endpoint.profiles(), List.of(mappings));
  }

  static PortMapping tcp(int hostPort, int containerPort) {
    return new PortMapping(hostPort, containerPort, TransportProtocol.TCP);
  }

  /** One pool per address of the workloads, each just that address, sorted as core sorts pools. */
  static List<IPAddress> pools(Workload... members) {
    return Stream.of(members).flatMap(member -> member.addresses().stream()).map(ContractPolicies::only).sorted()
        .toList();
  }

  /** Sorted as core sorts: endpoints by interface, tag sets by tag. */
  static HostPolicy policy(List<EndpointPolicy> endpoints, List<TagSet> tagSets) {
    return policy(endpoints, tagSets, HostNat.NONE);
  }

  /** As {@link #policy(List, List)}, with the host's NAT. */
  static HostPolicy policy(List<EndpointPolicy> endpoints, List<TagSet> tagSets, HostNat nat) {
    List<EndpointPolicy> sortedEndpoints = new ArrayList<>(endpoints);
    sortedEndpoints.sort(Comparator.comparing(endpoint -> endpoint.hostInterface().value()));
    List<TagSet> sortedTags = new ArrayList<>(tagSets);
    sortedTags.sort(Comparator.comparing(TagSet::tag));
    return new HostPolicy(sortedEndpoints, sortedTags, nat);
  }

  /** The endpoint with network policies, in evaluation order, in each direction. */
  static EndpointPolicy withPolicies(EndpointPolicy endpoint, List<PolicyRules> ingress, List<PolicyRules> egress) {
    return new EndpointPolicy(endpoint.hostInterface(), endpoint.addresses(), endpoint.profiles(),
        endpoint.portMappings(), ingress.stream().map(PolicyRules::name).toList(),
        egress.stream().map(PolicyRules::name).toList());
  }

  static PolicyRules ingressPolicy(String name, Rule... rules) {
    return new PolicyRules(new PolicyName(name), List.of(rules), List.of());
  }

  static PolicyRules egressPolicy(String name, Rule... rules) {
    return new PolicyRules(new PolicyName(name), List.of(), List.of(rules));
  }

  static SelectorSet selectorSet(Selector selector, Workload... members) {
    List<IPAddress> addresses = new ArrayList<>();
    Stream.of(members).forEach(member -> addresses.addAll(member.addresses()));
    addresses.sort(Comparator.naturalOrder());
    return new SelectorSet(selector, addresses);
  }

  /** A rule with {@code action} for packets of {@code protocol} (if given) from {@code source} to {@code destination}. */
  static Rule rule(RuleAction action, Optional<RuleProtocol> protocol, RuleEntity source, RuleEntity destination) {
    return new Rule(action, protocol, Optional.empty(), source, destination);
  }

  /** Exactly the workload's addresses, of both families. */
  static RuleEntity nets(Workload workload) {
    return new RuleEntity(workload.addresses().stream().map(ContractPolicies::only).toList(), List.of(),
        Optional.empty(), Optional.empty(), List.of(), List.of());
  }

  /** As {@link #policy(List, List, HostNat)}, with network policies and selector sets, sorted as core sorts them. */
  static HostPolicy policy(List<EndpointPolicy> endpoints, List<SelectorSet> selectorSets, List<PolicyRules> policies,
      HostNat nat) {
    List<EndpointPolicy> sortedEndpoints = new ArrayList<>(endpoints);
    sortedEndpoints.sort(Comparator.comparing(endpoint -> endpoint.hostInterface().value()));
    List<SelectorSet> sortedSelectors = new ArrayList<>(selectorSets);
    sortedSelectors.sort(Comparator.comparing(set -> set.selector().text()));
    List<PolicyRules> sortedPolicies = new ArrayList<>(policies);
    sortedPolicies.sort(Comparator.comparing(rules -> rules.name().value()));
    return new HostPolicy(sortedEndpoints, List.of(), sortedSelectors, sortedPolicies, nat);
  }
}
