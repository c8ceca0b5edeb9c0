package org.calicomesos.core.policy;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointRecords;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.profile.ProfileCodecs;
import org.calicomesos.core.rule.PolicyRecords;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.ports.schema.DatastoreKeys.EndpointKey;
import org.calicomesos.ports.schema.DatastoreKeys.ProfileKey;

/**
 * The agent's copy of the datastore's endpoints (all hosts: netgroup and selector membership is cluster-wide),
 * profiles, network policies and pools (for NAT outgoing), kept by key. A record that cannot be read is logged once
 * and treated as absent — for an endpoint that means no rules admit its traffic, so a bad record can only ever deny,
 * never open; for a pool, that its containers' traffic is not masqueraded. A policy record that cannot be read is
 * logged as an error and left out: the admin CLI never writes one, and guessing what it meant could open as well as
 * close.
 */
final class PolicyModel {
  private static final System.Logger LOG = System.getLogger(PolicyModel.class.getName());

  private final DatastoreKeys keys;
  private final Map<String, KnownEndpoint> endpoints = new HashMap<>();
  private final Map<ProfileName, ProfileCodecs.Rules> rules = new HashMap<>();
  private final Map<ProfileName, List<String>> tags = new HashMap<>();
  private final Map<String, Pool> pools = new TreeMap<>();
  private final Map<PolicyName, NetworkPolicy> policies = new HashMap<>();
  private long membershipVersion;
  private List<KnownEndpoint> sortedEndpoints;
  private long sortedAt;

  PolicyModel(DatastoreKeys keys) {
    this.keys = keys;
  }

  void clear() {
    membershipVersion++;
    endpoints.clear();
    rules.clear();
    tags.clear();
    pools.clear();
    policies.clear();
  }

  /** Takes in a record written under the watched prefix; returns whether it concerns policy. */
  boolean put(Entry entry) {
    Optional<EndpointKey> endpoint = keys.parseEndpoint(entry.key());
    if (endpoint.isPresent()) {
      membershipVersion++;
      putEndpoint(entry, endpoint.get());
      return true;
    }
    Optional<ProfileKey> profile = keys.parseProfile(entry.key());
    if (profile.isPresent()) {
      membershipVersion += profile.get().part() == ProfileKey.Part.TAGS ? 1 : 0;
      putProfile(entry, profile.get());
      return true;
    }
    if (keys.isPoolKey(entry.key())) {
      putPool(entry);
      return true;
    }
    Optional<PolicyName> policy = keys.parsePolicy(entry.key());
    if (policy.isPresent()) {
      putPolicy(entry, policy.get());
      return true;
    }
    return false;
  }

  /** Forgets the record at {@code key}; returns whether it concerns policy. */
  boolean remove(String key) {
    Optional<EndpointKey> endpoint = keys.parseEndpoint(key);
    if (endpoint.isPresent()) {
      membershipVersion++;
      endpoints.remove(key);
      return true;
    }
    Optional<ProfileKey> profile = keys.parseProfile(key);
    if (profile.isPresent()) {
      membershipVersion += profile.get().part() == ProfileKey.Part.TAGS ? 1 : 0;
      (profile.get().part() == ProfileKey.Part.RULES ? rules : tags).remove(profile.get().profile());
      return true;
    }
    if (keys.isPoolKey(key)) {
      pools.remove(key);
      return true;
    }
    Optional<PolicyName> policy = keys.parsePolicy(key);
    if (policy.isPresent()) {
      policies.remove(policy.get());
      return true;
    }
    return false;
  }

  /** Every endpoint, in key order (so that compiling is deterministic). */
  List<KnownEndpoint> endpoints() {
    if (sortedEndpoints == null || sortedAt != membershipVersion) {
      List<String> sorted = new ArrayList<>(endpoints.keySet());
      sorted.sort(null);
      List<KnownEndpoint> result = new ArrayList<>(sorted.size());
      sorted.forEach(key -> result.add(endpoints.get(key)));
      sortedEndpoints = List.copyOf(result);
      sortedAt = membershipVersion;
    }
    return sortedEndpoints;
  }

  Optional<ProfileCodecs.Rules> rules(ProfileName profile) {
    return Optional.ofNullable(rules.get(profile));
  }

  List<String> tags(ProfileName profile) {
    return tags.getOrDefault(profile, List.of());
  }

  /** Every readable pool, disabled ones too, in key order. */
  List<Pool> pools() {
    return new ArrayList<>(pools.values());
  }

  /**
   * Changes whenever an endpoint or a profile's tags change (what tag and selector sets are made of), and only
   * then: {@link MemberSets} keeps the sets while it stays.
   */
  long membershipVersion() {
    return membershipVersion;
  }

  /** Every readable network policy, in evaluation order. */
  List<NetworkPolicy> policies() {
    List<NetworkPolicy> sorted = new ArrayList<>(policies.values());
    sorted.sort(NetworkPolicy.EVALUATION_ORDER);
    return sorted;
  }

  private void putPolicy(Entry entry, PolicyName name) {
    try {
      policies.put(name, PolicyRecords.decode(name, entry));
    } catch (CalicoMesosException e) {
      LOG.log(Level.ERROR, "ignoring policy record {0}, which cannot be read: {1}", entry.key(), e.getMessage());
      policies.remove(name);
    }
  }

  private void putEndpoint(Entry entry, EndpointKey key) {
    Optional<Endpoint> read = EndpointRecords.read(entry);
    if (read.isEmpty()) {
      endpoints.remove(entry.key());
      return;
    }
    Endpoint endpoint = read.get();
    Optional<InterfaceName> hostInterface;
    try {
      hostInterface = Optional.of(new InterfaceName(endpoint.interfaceName()));
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "endpoint record {0} names no usable interface, its traffic stays dropped: {1}",
          entry.key(), e.getMessage());
      hostInterface = Optional.empty();
    }
    List<inet.ipaddr.IPAddress> nets = new ArrayList<>(endpoint.ipv4Nets());
    nets.addAll(endpoint.ipv6Nets());
    endpoints.put(entry.key(), new KnownEndpoint(key.node(), hostInterface, nets, endpoint.profiles(),
        endpoint.labels(), endpoint.portMappings()));
  }

  private void putProfile(Entry entry, ProfileKey key) {
    try {
      if (key.part() == ProfileKey.Part.RULES) {
        rules.put(key.profile(), ProfileCodecs.RULES.decode(entry));
      } else {
        tags.put(key.profile(), List.copyOf(ProfileCodecs.TAGS.decode(entry)));
      }
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "ignoring profile record {0}: {1}", entry.key(), e.getMessage());
      (key.part() == ProfileKey.Part.RULES ? rules : tags).remove(key.profile());
    }
  }

  private void putPool(Entry entry) {
    try {
      pools.put(entry.key(), AddressLookup.pool(entry));
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "ignoring pool record {0}, its containers are not masqueraded: {1}", entry.key(),
          e.getMessage());
      pools.remove(entry.key());
    }
  }
}
