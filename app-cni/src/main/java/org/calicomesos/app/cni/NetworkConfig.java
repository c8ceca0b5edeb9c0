package org.calicomesos.app.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.app.json.BoundedJsonReader;
import org.calicomesos.app.json.JsonKind;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.model.PortMapping;

/**
 * The network configuration a runtime sends on stdin, at the version it asks for. Each accessor reads and
 * validates one part, refusing with the CNI code for what is wrong: 6 when stdin is not one JSON object, 1 for a
 * version this plugin does not speak, 7 for a bad field (named by its path).
 */
final class NetworkConfig {
  static final int MAX_REQUEST_BYTES = 1024 * 1024;
  static final String RUNTIME_PORT_MAPPINGS = "runtimeConfig.portMappings";
  private static final BoundedJsonReader READER = new BoundedJsonReader(MAX_REQUEST_BYTES);

  private final ObjectNode root;
  private final CniVersion version;

  private NetworkConfig(ObjectNode root, CniVersion version) {
    this.root = root;
    this.version = version;
  }

  /** @throws CniRequestException code 6 or 1 */
  static NetworkConfig decode(byte[] stdin) {
    ObjectNode root = root(stdin);
    return new NetworkConfig(root, version(root));
  }

  /** VERSION's stdin may be empty or name a version this plugin does not speak: it is answered all the same. */
  static Optional<CniVersion> versionOf(byte[] stdin) {
    try {
      return Optional.of(version(root(stdin)));
    } catch (CniRequestException e) {
      return Optional.empty();
    }
  }

  private static ObjectNode root(byte[] stdin) {
    JsonNode root;
    try {
      root = READER.read(stdin, "a JSON network configuration");
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.DECODING_FAILED, e);
    }
    if (!root.isObject()) {
      throw new CniRequestException(CniErrorCode.DECODING_FAILED,
          "the network configuration must be a JSON object, not " + JsonKind.of(root));
    }
    return (ObjectNode) root;
  }

  // cniVersion is what the runtime asks of this plugin (libcni 1.2 sets it from a conflist's cniVersions, and an
  // older runtime reads its results in no other version), so it wins; with only cniVersions, the highest we speak;
  // with neither, 0.1.0, as libcni reads it.
  private static CniVersion version(ObjectNode root) {
    Optional<String> text = ConfigFields.text(root, "cniVersion", "cniVersion");
    List<String> offered = ConfigFields.texts(root, "cniVersions", "cniVersions");
    if (text.isEmpty() && !offered.isEmpty()) {
      return CniVersion.highestOf(offered).orElseThrow(() -> incompatible(String.join(", ", offered)));
    }
    if (text.isEmpty()) {
      return CniVersion.V0_1_0;
    }
    return CniVersion.of(text.get()).orElseThrow(() -> incompatible(text.get()));
  }

  private static CniRequestException incompatible(String asked) {
    return new CniRequestException(CniErrorCode.INCOMPATIBLE_VERSION, "incompatible CNI version "
        + ConfigFields.quoted(asked) + "; this plugin supports " + String.join(", ", CniVersion.supported()));
  }

  ObjectNode root() {
    return root;
  }

  CniVersion version() {
    return version;
  }

  NetworkName name() {
    String name = ConfigFields.text(root, "name", "name")
        .orElseThrow(() -> ConfigFields.refused("the network configuration has no name"));
    try {
      return new NetworkName(name);
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
  }

  String type() {
    return ConfigFields.text(root, "type", "type")
        .orElseThrow(() -> ConfigFields.refused("the network configuration has no type"));
  }

  Optional<ObjectNode> ipam() {
    return ConfigFields.object(root, "ipam", "ipam");
  }

  boolean assignIpv4() {
    return ConfigFields.flag(ipam().orElse(null), "assign_ipv4", "ipam.assign_ipv4", true);
  }

  boolean assignIpv6() {
    return ConfigFields.flag(ipam().orElse(null), "assign_ipv6", "ipam.assign_ipv6", false);
  }

  /** {@code ipam.ipv4_pools} then {@code ipam.ipv6_pools}: CIDRs of existing pools, each of its field's family. */
  List<IPAddress> pools() {
    List<IPAddress> pools = new ArrayList<>(cidrs("ipv4_pools", IpFamily.V4));
    pools.addAll(cidrs("ipv6_pools", IpFamily.V6));
    return pools;
  }

  private List<IPAddress> cidrs(String field, IpFamily family) {
    String path = "ipam." + field;
    List<IPAddress> cidrs = new ArrayList<>();
    for (String text : ConfigFields.texts(ipam().orElse(null), field, path)) {
      IPAddress cidr = Cidrs.parse(path, text);
      if (IpFamily.of(cidr) != family) {
        throw ConfigFields.refused(path + " holds " + ConfigFields.quoted(text) + ", which is not "
            + family.displayName());
      }
      cidrs.add(cidr);
    }
    return cidrs;
  }

  /** The {@code ips} capability: {@code runtimeConfig.ips}, CIDRs or addresses, the prefix dropped. */
  List<IPAddress> runtimeAddresses() {
    Optional<ObjectNode> runtimeConfig = ConfigFields.object(root, "runtimeConfig", "runtimeConfig");
    List<IPAddress> addresses = new ArrayList<>();
    for (String text : ConfigFields.texts(runtimeConfig.orElse(null), "ips", "runtimeConfig.ips")) {
      addresses.add(StaticAddresses.parse("runtimeConfig.ips", text));
    }
    return addresses;
  }

  /**
   * The {@code portMappings} capability: {@code runtimeConfig.portMappings}, which a runtime passes only when the
   * plugin's configuration declares {@code "capabilities": {"portMappings": true}}.
   */
  List<PortMapping> runtimePortMappings() {
    Optional<ObjectNode> runtimeConfig = ConfigFields.object(root, "runtimeConfig", "runtimeConfig");
    return PortMappingFields.CNI.read(runtimeConfig.orElse(null), "portMappings", RUNTIME_PORT_MAPPINGS);
  }

  /** {@code args}, where Mesos puts its {@code org.apache.mesos} metadata. */
  Optional<ObjectNode> args() {
    return ConfigFields.object(root, "args", "args");
  }

  /** The addresses of {@code prevResult}, in either result form, without their prefix lengths. */
  List<IPAddress> previousAddresses() {
    Optional<ObjectNode> previous = ConfigFields.object(root, "prevResult", "prevResult");
    List<IPAddress> addresses = new ArrayList<>();
    if (previous.isEmpty()) {
      return addresses;
    }
    for (JsonNode ip : ConfigFields.list(previous.get(), "ips", "prevResult.ips")) {
      ConfigFields.text(ip, "address", "prevResult.ips.address")
          .ifPresent(text -> addresses.add(StaticAddresses.parse("prevResult.ips.address", text)));
    }
    for (String family : List.of("ip4", "ip6")) {
      Optional<ObjectNode> legacy = ConfigFields.object(previous.get(), family, "prevResult." + family);
      ConfigFields.text(legacy.orElse(null), "ip", "prevResult." + family + ".ip")
          .ifPresent(text -> addresses.add(StaticAddresses.parse("prevResult." + family + ".ip", text)));
    }
    return addresses;
  }

  /**
   * GC's {@code cni.dev/valid-attachments}: the attachments of {@code network} that stay. Required, since without
   * it every attachment of the network would go.
   */
  Set<AttachmentId> validAttachments(NetworkName network) {
    String path = "cni.dev/valid-attachments";
    if (ConfigFields.get(root, path).isEmpty()) {
      throw ConfigFields.refused("GC needs " + path + ", the attachments that stay");
    }
    Set<AttachmentId> valid = new LinkedHashSet<>();
    for (JsonNode attachment : ConfigFields.list(root, path, path)) {
      try {
        String container = ConfigFields.text(attachment, "containerID", path + ".containerID")
            .orElseThrow(() -> ConfigFields.refused(path + " has an entry without containerID"));
        String ifname = ConfigFields.text(attachment, "ifname", path + ".ifname")
            .orElseThrow(() -> ConfigFields.refused(path + " has an entry without ifname"));
        valid.add(new AttachmentId(network, new ContainerId(container), new InterfaceName(ifname)));
      } catch (InvalidRequestException e) {
        throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
      }
    }
    return valid;
  }
}
