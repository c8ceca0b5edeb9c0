package org.calicomesos.ports.schema;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;

/**
 * The datastore layout, in one place for every backend (Calico's v1/v2 layout, so operators recognise it).
 * A CIDR in a key has its '/' written as '-': {@code 10.0.0.0/26} becomes {@code 10.0.0.0-26}.
 */
public final class DatastoreKeys {
  public static final String DEFAULT_PREFIX = "/calico";
  private static final String REGISTRATION = "registration";

  private final String prefix;

  /** @param prefix where our keys live, e.g. {@code /calico}: starts with '/', no trailing '/' */
  public DatastoreKeys(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.matches("(/[A-Za-z0-9_.-]+)+") || prefix.contains("/..") || prefix.contains("/./")) {
      throw new InvalidRequestException("datastore prefix '" + prefix
          + "' must be an absolute path such as /calico, without a trailing '/'");
    }
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  /** {@code /calico/v1/ipam/}: both families' pools, so one listing sees them at one revision. */
  public String poolRoot() {
    return prefix + "/v1/ipam/";
  }

  /** True for a key under {@link #poolRoot()} that names a pool. */
  public boolean isPoolKey(String key) {
    return key.startsWith(poolRoot()) && key.contains("/pool/");
  }

  /** {@code /calico/v1/ipam/v4/pool/} */
  public String poolPrefix(IpFamily family) {
    return prefix + "/v1/ipam/" + family.poolSegment() + "/pool/";
  }

  /** {@code /calico/v1/ipam/v4/pool/10.0.0.0-16} */
  public String pool(IPAddress cidr) {
    return poolPrefix(IpFamily.of(cidr)) + segment(cidr);
  }

  /** {@code /calico/ipam/v2/assignment/ipv4/block/} */
  public String blockPrefix(IpFamily family) {
    return prefix + "/ipam/v2/assignment/" + family.blockSegment() + "/block/";
  }

  /** {@code /calico/ipam/v2/assignment/ipv4/block/10.0.0.0-26} */
  public String block(IPAddress blockCidr) {
    return blockPrefix(IpFamily.of(blockCidr)) + segment(blockCidr);
  }

  /** {@code /calico/ipam/v2/host/}: every host's affinities. */
  public String affinityRoot() {
    return prefix + "/ipam/v2/host/";
  }

  /** {@code /calico/ipam/v2/host/<node>/}: one host's affinities, both families. */
  public String affinityPrefix(NodeName node) {
    return affinityRoot() + node.value() + "/";
  }

  /** {@code /calico/ipam/v2/host/<node>/ipv4/block/} */
  public String affinityPrefix(NodeName node, IpFamily family) {
    return affinityRoot() + node.value() + "/" + family.blockSegment() + "/block/";
  }

  /** {@code /calico/ipam/v2/host/<node>/ipv4/block/10.0.0.0-26} */
  public String affinity(NodeName node, IPAddress blockCidr) {
    return affinityPrefix(node, IpFamily.of(blockCidr)) + segment(blockCidr);
  }

  /** {@code /calico/ipam/v2/handle/} */
  public String handlePrefix() {
    return prefix + "/ipam/v2/handle/";
  }

  /** {@code /calico/ipam/v2/handle/<uid>} */
  public String handle(HandleId handle) {
    return handlePrefix() + handle.value();
  }

  /**
   * {@code /calico/gc/v1/host/<node>/marks}: when this node's collector first saw each leak candidate it still
   * sees. Outside {@code /calico/v1/}, so that the policy loop, which follows that prefix, never wakes for it.
   */
  public String leakMarks(NodeName node) {
    return prefix + "/gc/v1/host/" + node.value() + "/marks";
  }

  /**
   * {@code /calico/portmap/v1/host/<node>/}: the host ports mapped on one node, one claim each. Outside
   * {@code /calico/v1/}, like {@link #leakMarks}: the policy loop reads the mappings from the endpoint records, and
   * must not wake for a claim.
   */
  public String portClaimPrefix(NodeName node) {
    return prefix + "/portmap/v1/host/" + node.value() + "/";
  }

  /** {@code /calico/portmap/v1/host/<node>/<protocol>/<port>}: who holds host port {@code port} on the node. */
  public String portClaim(NodeName node, TransportProtocol protocol, int port) {
    return portClaimPrefix(node) + protocol.keyword() + "/" + port;
  }

  /**
   * The protocol and host port a key under {@link #portClaimPrefix} of {@code node} names, if it is one of ours
   * (a port out of range, or any other shape, is not).
   */
  public Optional<PortClaimKey> parsePortClaim(NodeName node, String key) {
    String claims = portClaimPrefix(node);
    if (!key.startsWith(claims)) {
      return Optional.empty();
    }
    String[] parts = key.substring(claims.length()).split("/", -1);
    if (parts.length != 2 || !parts[1].matches("[1-9][0-9]{0,4}")) {
      return Optional.empty();
    }
    try {
      TransportProtocol protocol = TransportProtocol.parse("key " + key, parts[0]);
      int port = Integer.parseInt(parts[1]);
      if (!parts[0].equals(protocol.keyword()) || port > PortMapping.MAX_PORT) {
        return Optional.empty();
      }
      return Optional.of(new PortClaimKey(node, protocol, port));
    } catch (InvalidRequestException notOurs) {
      return Optional.empty();
    }
  }

  /** {@code /calico/v1/host/}: every host's records: its endpoints and its registration. */
  public String hostRoot() {
    return prefix + "/v1/host/";
  }

  /** {@code /calico/v1/host/<node>/workload/mesos/}: the endpoints of every Mesos container on one host. */
  public String workloadPrefix(NodeName node) {
    return hostRoot() + node.value() + "/workload/mesos/";
  }

  /** {@code /calico/v1/host/<node>/workload/mesos/<container>/endpoint/} */
  public String endpointPrefix(NodeName node, ContainerId container) {
    return workloadPrefix(node) + container.value() + "/endpoint/";
  }

  /** {@code /calico/v1/host/<node>/workload/mesos/<container>/endpoint/<endpoint id>} */
  public String endpoint(NodeName node, ContainerId container, EndpointId endpoint) {
    return endpointPrefix(node, container) + endpoint.value();
  }

  /**
   * The endpoint a key under {@link #hostRoot()} names, if the key is one. A key with a name we would never
   * write (a node or container id our rules refuse) is not one of ours: empty, so readers skip it.
   */
  public Optional<EndpointKey> parseEndpoint(String key) {
    if (!key.startsWith(hostRoot())) {
      return Optional.empty();
    }
    String[] parts = key.substring(hostRoot().length()).split("/");
    if (parts.length != 6 || !parts[1].equals("workload") || !parts[2].equals("mesos") || !parts[4].equals("endpoint")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EndpointKey(new NodeName(parts[0]), new ContainerId(parts[3]), new EndpointId(parts[5])));
    } catch (InvalidRequestException notOurs) {
      return Optional.empty();
    }
  }

  /**
   * {@code /calico/v1/host/<node>/registration}: the host's record of itself (its IP for routes, agent version,
   * heartbeat), written only by that host's agent.
   */
  public String registration(NodeName node) {
    return hostRoot() + node.value() + "/" + REGISTRATION;
  }

  /** The node whose registration a key names, if the key is one (not if the name is one we refuse). */
  public Optional<NodeName> parseRegistration(String key) {
    if (!key.startsWith(hostRoot())) {
      return Optional.empty();
    }
    String[] parts = key.substring(hostRoot().length()).split("/", -1);
    if (parts.length != 2 || !parts[1].equals(REGISTRATION)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new NodeName(parts[0]));
    } catch (InvalidRequestException notOurs) {
      return Optional.empty();
    }
  }

  /** {@code /calico/v1/config/}: cluster-wide settings. */
  public String configRoot() {
    return prefix + "/v1/config/";
  }

  /** {@code /calico/v1/config/route_mode}: {@code {"mode":"direct"}} or {@code {"mode":"bgp"}}; absent means direct. */
  public String routeMode() {
    return configRoot() + "route_mode";
  }

  /** {@code /calico/v1/config/bgp}: AS number, full mesh or not, explicit peers; absent means the defaults. */
  public String bgpConfig() {
    return configRoot() + "bgp";
  }

  /** {@code /calico/v1/}: endpoints, profiles, hosts and pools, so one listing sees all of policy at one revision. */
  public String v1Root() {
    return prefix + "/v1/";
  }

  /** The profile record a key under {@link #profileRoot()} names, if the key is one (as for endpoints, not if its name is one we refuse). */
  public Optional<ProfileKey> parseProfile(String key) {
    if (!key.startsWith(profileRoot())) {
      return Optional.empty();
    }
    String[] parts = key.substring(profileRoot().length()).split("/", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    ProfileKey.Part part = switch (parts[1]) {
      case "rules" -> ProfileKey.Part.RULES;
      case "tags" -> ProfileKey.Part.TAGS;
      default -> null;
    };
    try {
      return part == null ? Optional.empty() : Optional.of(new ProfileKey(new ProfileName(parts[0]), part));
    } catch (InvalidRequestException notOurs) {
      return Optional.empty();
    }
  }

  /** {@code /calico/v1/policy/tier/default/policy/}: network policies, one record each, in Calico v1's one tier. */
  public String policyRoot() {
    return prefix + "/v1/policy/tier/default/policy/";
  }

  /** {@code /calico/v1/policy/tier/default/policy/<name>}: its order, selector, types and rules. */
  public String policy(PolicyName policy) {
    return policyRoot() + policy.value();
  }

  /** The policy a key under {@link #policyRoot()} names, if it is one (not if its name is one we refuse). */
  public Optional<PolicyName> parsePolicy(String key) {
    if (!key.startsWith(policyRoot())) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PolicyName(key.substring(policyRoot().length())));
    } catch (InvalidRequestException notOurs) {
      return Optional.empty();
    }
  }

  /** {@code /calico/v1/policy/profile/} */
  public String profileRoot() {
    return prefix + "/v1/policy/profile/";
  }

  /** {@code /calico/v1/policy/profile/<name>/}: both of a profile's records, read in one listing. */
  public String profile(ProfileName profile) {
    return profileRoot() + profile.value() + "/";
  }

  /** {@code /calico/v1/policy/profile/<name>/rules}: inbound and outbound rules. */
  public String profileRules(ProfileName profile) {
    return profileRoot() + profile.value() + "/rules";
  }

  /** {@code /calico/v1/policy/profile/<name>/tags}: the tags endpoints of this profile carry. */
  public String profileTags(ProfileName profile) {
    return profileRoot() + profile.value() + "/tags";
  }

  /** The CIDR a pool or block key names, read back from its last segment. */
  public static IPAddress cidrOf(String key) {
    String last = key.substring(key.lastIndexOf('/') + 1);
    int dash = last.lastIndexOf('-');
    if (dash < 0) {
      throw new IllegalArgumentException("key " + key + " does not end in a CIDR");
    }
    return Addresses.parseCidr("key " + key, last.substring(0, dash) + "/" + last.substring(dash + 1));
  }

  /** The affinity named by a key under {@link #affinityRoot()}, if the key is one. */
  public Optional<AffinityKey> parseAffinity(String key) {
    if (!key.startsWith(affinityRoot())) {
      return Optional.empty();
    }
    String[] parts = key.substring(affinityRoot().length()).split("/");
    if (parts.length != 4 || !parts[2].equals("block")) {
      return Optional.empty();
    }
    return Optional.of(new AffinityKey(new NodeName(parts[0]), cidrOf(key)));
  }

  /** The handle id a key under {@link #handlePrefix()} names. */
  public HandleId handleOf(String key) {
    return new HandleId(key.substring(handlePrefix().length()));
  }

  private static String segment(IPAddress cidr) {
    return cidr.toPrefixBlock().getLower().withoutPrefixLength().toCanonicalString() + "-" + cidr.getNetworkPrefixLength();
  }

  /** A parsed endpoint key. */
  public record EndpointKey(NodeName node, ContainerId container, EndpointId endpoint) {}

  /** A profile's {@code rules} or {@code tags} record. */
  public record ProfileKey(ProfileName profile, Part part) {
    /** Which of the two records. */
    public enum Part { RULES, TAGS }
  }

  /** A parsed port claim key: host port {@code port} of {@code protocol} on {@code node}. */
  public record PortClaimKey(NodeName node, TransportProtocol protocol, int port) {}

  /** A parsed affinity key: this node claims this block. */
  public record AffinityKey(NodeName node, IPAddress blockCidr) {}
}
