package org.calicomesos.core.policy;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.calicomesos.core.profile.ProfileCodecs;
import org.calicomesos.core.rule.EndpointLabels;
import org.calicomesos.core.rule.PolicyOrder;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.PolicyRules;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.SelectorSet;
import org.calicomesos.ports.policy.TagSet;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.rule.RuleEntity;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * Compiles one host's policy from the model (docs/calico-model.md, "Profiles and policy"; docs/policy.md): per
 * endpoint of this host, the network policies that apply to it in each direction, in evaluation order, and its
 * profiles in order; the rules of those policies; for every tag and selector a rule names, the nets of every endpoint
 * in the cluster it stands for; the port mappings of this host's endpoints; and NAT outgoing from the pools. Output is
 * sorted, so equal models compile to equal policies.
 *
 * <p>Selectors are evaluated once per distinct label set, not once per endpoint: the endpoints of one application
 * share their labels, so a cluster of thousands of endpoints has a few hundred label sets at most.
 */
final class PolicyCompiler {
  private static final System.Logger LOG = System.getLogger(PolicyCompiler.class.getName());
  private static final Comparator<IPAddress> ADDRESS_ORDER = Comparator.naturalOrder();

  private PolicyCompiler() {}

  static HostPolicy compile(PolicyModel model, NodeName node, MemberSets cache) {
    cache.validFor(model.membershipVersion());
    List<KnownEndpoint> everyEndpoint = model.endpoints();
    List<NetworkPolicy> policies = model.policies();
    Map<ProfileName, List<String>> tagsByProfile = new HashMap<>();
    Map<KnownEndpoint, Map<String, String>> labels = new IdentityHashMap<>();
    Map<String, EndpointPolicy> local = new TreeMap<>();
    Map<PolicyName, NetworkPolicy> used = new TreeMap<>(Comparator.comparing(PolicyName::value));
    Set<String> namedTags = new LinkedHashSet<>();
    Set<Selector> namedSelectors = new LinkedHashSet<>();
    List<PortMapping> mappedHostPorts = new ArrayList<>();
    for (KnownEndpoint endpoint : everyEndpoint) {
      if (!endpoint.node().equals(node) || endpoint.hostInterface().isEmpty()) {
        continue;
      }
      InterfaceName hostInterface = endpoint.hostInterface().get();
      if (local.containsKey(hostInterface.value())) {
        // Two records for one interface: only a hand-edited store can do that; keep the first (key order).
        LOG.log(Level.WARNING, "two endpoint records name interface {0}; only the first is enforced", hostInterface);
        continue;
      }
      List<ProfilePolicy> profiles = profilesOf(model, endpoint);
      profiles.forEach(profile -> {
        names(profile.inbound(), namedTags, namedSelectors);
        names(profile.outbound(), namedTags, namedSelectors);
      });
      Map<String, String> seen = labels.computeIfAbsent(endpoint, known -> labelsOf(model, known, tagsByProfile));
      List<PolicyName> ingress = PolicyOrder.applying(policies, seen, PolicyType.INGRESS);
      List<PolicyName> egress = PolicyOrder.applying(policies, seen, PolicyType.EGRESS);
      for (NetworkPolicy policy : policies) {
        if (ingress.contains(policy.name()) || egress.contains(policy.name())) {
          if (used.put(policy.name(), policy) == null) {
            names(policy.ingress(), namedTags, namedSelectors);
            names(policy.egress(), namedTags, namedSelectors);
          }
        }
      }
      local.put(hostInterface.value(), new EndpointPolicy(hostInterface, endpoint.addresses(), profiles,
          unclaimedMappings(endpoint, hostInterface, mappedHostPorts), ingress, egress));
    }
    List<PolicyRules> rules = new ArrayList<>(used.size());
    used.values().forEach(policy -> rules.add(new PolicyRules(policy.name(), policy.ingress(), policy.egress())));
    return new HostPolicy(new ArrayList<>(local.values()),
        tagSets(model, everyEndpoint, namedTags, tagsByProfile, cache),
        selectorSets(model, everyEndpoint, namedSelectors, tagsByProfile, labels, cache), rules, nat(model));
  }

  /** The tags and selectors the rules name, either side. */
  private static void names(List<Rule> rules, Set<String> tags, Set<Selector> selectors) {
    for (Rule rule : rules) {
      for (RuleEntity entity : List.of(rule.source(), rule.destination())) {
        entity.tag().ifPresent(tags::add);
        entity.selector().ifPresent(selectors::add);
      }
    }
  }

  private static Map<String, String> labelsOf(PolicyModel model, KnownEndpoint endpoint,
      Map<ProfileName, List<String>> tagsByProfile) {
    Set<String> tags = new LinkedHashSet<>();
    for (ProfileName profile : endpoint.profiles()) {
      tags.addAll(tagsByProfile.computeIfAbsent(profile, model::tags));
    }
    return EndpointLabels.withTags(endpoint.labels(), tags);
  }

  /**
   * The endpoint's mappings whose host port no earlier endpoint (key order) maps; {@code claimed} gains them. Only a
   * hand-edited store maps one host port twice, and the host can forward it to one container only.
   */
  private static List<PortMapping> unclaimedMappings(KnownEndpoint endpoint, InterfaceName hostInterface,
      List<PortMapping> claimed) {
    List<PortMapping> kept = new ArrayList<>(endpoint.portMappings().size());
    List<PortMapping> dropped = new ArrayList<>();
    for (PortMapping mapping : endpoint.portMappings()) {
      if (claimed.stream().anyMatch(mapping::sharesHostPort)) {
        dropped.add(mapping);
      } else {
        kept.add(mapping);
        claimed.add(mapping);
      }
    }
    if (!dropped.isEmpty()) {
      LOG.log(Level.WARNING, "the endpoint on interface {0} maps host ports an earlier endpoint record maps "
          + "already; only the earlier is enforced, not {1}", hostInterface, dropped);
    }
    return kept;
  }

  /** Every pool counts as a pool, disabled or not: its addresses are still in use, so traffic to it stays inside. */
  private static HostNat nat(PolicyModel model) {
    Set<IPAddress> pools = new TreeSet<>(ADDRESS_ORDER);
    Set<IPAddress> natOutgoing = new TreeSet<>(ADDRESS_ORDER);
    for (Pool pool : model.pools()) {
      pools.add(pool.cidr());
      if (pool.natOutgoing()) {
        natOutgoing.add(pool.cidr());
      }
    }
    return new HostNat(new ArrayList<>(pools), new ArrayList<>(natOutgoing));
  }

  private static List<ProfilePolicy> profilesOf(PolicyModel model, KnownEndpoint endpoint) {
    List<ProfilePolicy> profiles = new ArrayList<>();
    for (ProfileName name : endpoint.profiles()) {
      Optional<ProfileCodecs.Rules> rules = model.rules(name);
      if (rules.isEmpty()) {
        continue; // not written yet, or removed: it admits nothing
      }
      profiles.add(new ProfilePolicy(name, rules.get().inbound(), rules.get().outbound()));
    }
    return profiles;
  }

  private static List<TagSet> tagSets(PolicyModel model, List<KnownEndpoint> endpoints, Set<String> namedTags,
      Map<ProfileName, List<String>> tagsByProfile, MemberSets cache) {
    Map<String, TagSet> sets = new TreeMap<>();
    Map<String, Set<IPAddress>> missing = new HashMap<>();
    for (String tag : namedTags) {
      cache.tag(tag).ifPresentOrElse(set -> sets.put(tag, set),
          () -> missing.put(tag, new TreeSet<>(ADDRESS_ORDER)));
    }
    if (!missing.isEmpty()) {
      for (KnownEndpoint endpoint : endpoints) {
        Set<String> carried = new LinkedHashSet<>();
        for (ProfileName profile : endpoint.profiles()) {
          carried.addAll(tagsByProfile.computeIfAbsent(profile, model::tags));
        }
        for (String tag : carried) {
          Set<IPAddress> set = missing.get(tag);
          if (set != null) {
            set.addAll(endpoint.addresses());
          }
        }
      }
      missing.forEach((tag, members) -> {
        TagSet set = new TagSet(tag, new ArrayList<>(members));
        cache.keep(set);
        sets.put(tag, set);
      });
    }
    return new ArrayList<>(sets.values());
  }

  private static List<SelectorSet> selectorSets(PolicyModel model, List<KnownEndpoint> endpoints,
      Set<Selector> namedSelectors, Map<ProfileName, List<String>> tagsByProfile,
      Map<KnownEndpoint, Map<String, String>> labels, MemberSets cache) {
    Map<String, SelectorSet> sets = new TreeMap<>();
    List<Selector> missing = new ArrayList<>();
    for (Selector selector : namedSelectors) {
      cache.selector(selector).ifPresentOrElse(set -> sets.put(selector.text(), set), () -> missing.add(selector));
    }
    if (!missing.isEmpty()) {
      // Endpoints by the labels selectors see, so each selector meets each distinct label set once.
      Map<Map<String, String>, List<KnownEndpoint>> byLabels = new HashMap<>();
      for (KnownEndpoint endpoint : endpoints) {
        Map<String, String> seen = labels.computeIfAbsent(endpoint, known -> labelsOf(model, known, tagsByProfile));
        byLabels.computeIfAbsent(seen, key -> new ArrayList<>()).add(endpoint);
      }
      for (Selector selector : missing) {
        Set<IPAddress> members = new TreeSet<>(ADDRESS_ORDER);
        byLabels.forEach((seen, group) -> {
          if (selector.matches(seen)) {
            group.forEach(endpoint -> members.addAll(endpoint.addresses()));
          }
        });
        SelectorSet set = new SelectorSet(selector, new ArrayList<>(members));
        cache.keep(set);
        sets.put(selector.text(), set);
      }
    }
    return new ArrayList<>(sets.values());
  }
}
