package org.calicomesos.ports.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.calicomesos.ports.model.PortMapping;

/**
 * Everything this host must enforce, compiled from the datastore: one {@link EndpointPolicy} per local
 * endpoint (sorted by interface), and one {@link TagSet} per tag a rule names (sorted by tag). Equal models
 * are equal values, so an unchanged model need not be applied again. Traffic to or from a {@code cali*}
 * interface that no endpoint policy names is dropped. {@code nat} is what this host masquerades (NAT outgoing); the
 * endpoints' port mappings are in their {@link EndpointPolicy}.
 */
public record HostPolicy(List<EndpointPolicy> endpoints, List<TagSet> tagSets, HostNat nat) {
  public static final HostPolicy EMPTY = new HostPolicy(List.of(), List.of());

  /** A policy without NAT outgoing. */
  public HostPolicy(List<EndpointPolicy> endpoints, List<TagSet> tagSets) {
    this(endpoints, tagSets, HostNat.NONE);
  }

  public HostPolicy {
    Objects.requireNonNull(nat, "nat");
    endpoints = List.copyOf(endpoints);
    tagSets = List.copyOf(tagSets);
    Set<String> interfaces = new HashSet<>();
    for (EndpointPolicy endpoint : endpoints) {
      if (!interfaces.add(endpoint.hostInterface().value())) {
        throw new IllegalArgumentException("two endpoint policies for interface " + endpoint.hostInterface());
      }
    }
    Set<String> hostPorts = new HashSet<>();
    for (EndpointPolicy endpoint : endpoints) {
      for (PortMapping mapping : endpoint.portMappings()) {
        if (!hostPorts.add(mapping.protocol() + " " + mapping.hostPort())) {
          throw new IllegalArgumentException("host port " + mapping.protocol() + " " + mapping.hostPort()
              + " is mapped twice");
        }
      }
    }
    Set<String> tags = new HashSet<>();
    tagSets.forEach(set -> {
      if (!tags.add(set.tag())) {
        throw new IllegalArgumentException("two sets for one tag");
      }
    });
    for (EndpointPolicy endpoint : endpoints) {
      for (ProfilePolicy profile : endpoint.profiles()) {
        for (List<ProfileRule> rules : List.of(profile.inbound(), profile.outbound())) {
          for (ProfileRule rule : rules) {
            if (rule.srcTag().isPresent() && !tags.contains(rule.srcTag().get())) {
              throw new IllegalArgumentException("a rule of profile " + profile.name() + " names a tag with no set");
            }
          }
        }
      }
    }
  }
}
