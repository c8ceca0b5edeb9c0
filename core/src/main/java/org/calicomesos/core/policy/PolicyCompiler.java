package org.calicomesos.core.policy;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.calicomesos.core.profile.ProfileCodecs;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.TagSet;

/**
 * Compiles one host's policy from the model (Calico v1 semantics, docs/calico-model.md, "Profiles and policy"): a
 * chain of rules per endpoint of this host, from its profiles in order; and for every tag those rules name, the nets
 * of every endpoint in the cluster that has a profile carrying the tag; the port mappings of this host's endpoints;
 * and NAT outgoing from the pools. Output is sorted, so equal models compile to equal policies.
 */
final class PolicyCompiler {
  private static final System.Logger LOG = System.getLogger(PolicyCompiler.class.getName());
  private static final Comparator<IPAddress> ADDRESS_ORDER = Comparator.naturalOrder();

  private PolicyCompiler() {}

  static HostPolicy compile(PolicyModel model, NodeName node) {
    List<KnownEndpoint> everyEndpoint = model.endpoints();
    Map<String, EndpointPolicy> local = new TreeMap<>();
    Set<String> namedTags = new HashSet<>();
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
      List<ProfilePolicy> profiles = profilesOf(model, endpoint, namedTags);
      local.put(hostInterface.value(), new EndpointPolicy(hostInterface, addressesOf(endpoint), profiles,
          unclaimedMappings(endpoint, hostInterface, mappedHostPorts)));
    }
    return new HostPolicy(new ArrayList<>(local.values()), tagSets(model, everyEndpoint, namedTags), nat(model));
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

  private static List<ProfilePolicy> profilesOf(PolicyModel model, KnownEndpoint endpoint, Set<String> namedTags) {
    List<ProfilePolicy> profiles = new ArrayList<>();
    for (ProfileName name : endpoint.profiles()) {
      Optional<ProfileCodecs.Rules> rules = model.rules(name);
      if (rules.isEmpty()) {
        continue; // not written yet, or removed: it admits nothing
      }
      rules.get().inbound().forEach(rule -> rule.source().tag().ifPresent(namedTags::add));
      rules.get().outbound().forEach(rule -> rule.source().tag().ifPresent(namedTags::add));
      profiles.add(new ProfilePolicy(name, rules.get().inbound(), rules.get().outbound()));
    }
    return profiles;
  }

  private static List<TagSet> tagSets(PolicyModel model, List<KnownEndpoint> endpoints, Set<String> namedTags) {
    Map<String, Set<IPAddress>> members = new TreeMap<>();
    namedTags.forEach(tag -> members.put(tag, new TreeSet<>(ADDRESS_ORDER)));
    Map<ProfileName, List<String>> tagsByProfile = new HashMap<>();
    for (KnownEndpoint endpoint : endpoints) {
      Set<String> carried = new HashSet<>();
      for (ProfileName profile : endpoint.profiles()) {
        carried.addAll(tagsByProfile.computeIfAbsent(profile, model::tags));
      }
      for (String tag : carried) {
        Set<IPAddress> set = members.get(tag);
        if (set != null) {
          endpoint.nets().forEach(net -> set.add(single(net)));
        }
      }
    }
    List<TagSet> sets = new ArrayList<>(members.size());
    members.forEach((tag, set) -> sets.add(new TagSet(tag, new ArrayList<>(set))));
    return sets;
  }

  private static List<IPAddress> addressesOf(KnownEndpoint endpoint) {
    Set<IPAddress> addresses = new TreeSet<>(ADDRESS_ORDER);
    endpoint.nets().forEach(net -> addresses.add(single(net)));
    return new ArrayList<>(addresses);
  }

  /** A /32 or /128 as the plain address; a wider net (never written by us) as its prefix block. */
  private static IPAddress single(IPAddress net) {
    Integer prefix = net.getNetworkPrefixLength();
    if (prefix == null || prefix == net.getBitCount()) {
      return net.withoutPrefixLength();
    }
    return net.toPrefixBlock();
  }
}
