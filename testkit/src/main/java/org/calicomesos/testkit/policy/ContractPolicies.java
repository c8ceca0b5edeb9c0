package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.TagSet;

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
}
