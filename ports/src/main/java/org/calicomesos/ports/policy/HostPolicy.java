package org.calicomesos.ports.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * Everything this host must enforce, compiled from the datastore: one {@link EndpointPolicy} per local endpoint
 * (sorted by interface); the rules of every network policy that applies to one of them ({@link PolicyRules}, sorted
 * by name; each endpoint lists the ones that apply to it in evaluation order); and the members of every tag
 * ({@link TagSet}, sorted by tag) and every selector ({@link SelectorSet}, sorted by selector text) a rule names.
 * Equal models are equal values, so an unchanged model need not be applied again. Traffic to or from a {@code cali*}
 * interface that no endpoint policy names is dropped. {@code nat} is what this host masquerades (NAT outgoing); the
 * endpoints' port mappings are in their {@link EndpointPolicy}.
 */
public record HostPolicy(List<EndpointPolicy> endpoints, List<TagSet> tagSets, List<SelectorSet> selectorSets,
    List<PolicyRules> policies, HostNat nat) {
  public static final HostPolicy EMPTY = new HostPolicy(List.of(), List.of());

  /** A policy without NAT outgoing or network policies. */
  public HostPolicy(List<EndpointPolicy> endpoints, List<TagSet> tagSets) {
    this(endpoints, tagSets, HostNat.NONE);
  }

  /** A policy without network policies. */
  public HostPolicy(List<EndpointPolicy> endpoints, List<TagSet> tagSets, HostNat nat) {
    this(endpoints, tagSets, List.of(), List.of(), nat);
  }

  public HostPolicy {
    Objects.requireNonNull(nat, "nat");
    endpoints = List.copyOf(endpoints);
    tagSets = List.copyOf(tagSets);
    selectorSets = List.copyOf(selectorSets);
    policies = List.copyOf(policies);
    Set<String> interfaces = new HashSet<>();
    Set<String> hostPorts = new HashSet<>();
    for (EndpointPolicy endpoint : endpoints) {
      if (!interfaces.add(endpoint.hostInterface().value())) {
        throw new IllegalArgumentException("two endpoint policies for interface " + endpoint.hostInterface());
      }
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
    Set<Selector> selectors = new HashSet<>();
    selectorSets.forEach(set -> {
      if (!selectors.add(set.selector())) {
        throw new IllegalArgumentException("two sets for one selector");
      }
    });
    Set<PolicyName> policyNames = new HashSet<>();
    List<Rule> rules = new ArrayList<>();
    for (PolicyRules policy : policies) {
      if (!policyNames.add(policy.name())) {
        throw new IllegalArgumentException("two rule lists for policy " + policy.name());
      }
      rules.addAll(policy.ingress());
      rules.addAll(policy.egress());
    }
    for (EndpointPolicy endpoint : endpoints) {
      for (ProfilePolicy profile : endpoint.profiles()) {
        rules.addAll(profile.inbound());
        rules.addAll(profile.outbound());
        if (profile.inbound().stream().anyMatch(Rule::passes) || profile.outbound().stream().anyMatch(Rule::passes)) {
          throw new IllegalArgumentException("profile " + profile.name() + " has a pass rule");
        }
      }
      if (!policyNames.containsAll(endpoint.ingressPolicies()) || !policyNames.containsAll(endpoint.egressPolicies())) {
        throw new IllegalArgumentException("the endpoint on " + endpoint.hostInterface() + " names a policy with no rules");
      }
    }
    for (Rule rule : rules) {
      for (RuleEntity entity : List.of(rule.source(), rule.destination())) {
        if (entity.tag().isPresent() && !tags.contains(entity.tag().get())) {
          throw new IllegalArgumentException("a rule names a tag with no set");
        }
        if (entity.selector().isPresent() && !selectors.contains(entity.selector().get())) {
          throw new IllegalArgumentException("a rule names a selector with no set: " + entity.selector().get());
        }
      }
    }
  }
}
