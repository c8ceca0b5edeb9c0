package org.calicomesos.core.endpoint;

import static org.calicomesos.core.json.Fields.integer;
import static org.calicomesos.core.json.Fields.text;
import static org.calicomesos.core.json.Fields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;

/**
 * The endpoint record's JSON, field names as Calico v1 wrote them, plus {@code container_id}, {@code handle_id} and,
 * for a CNI attachment only, {@code attachment}: {@code {"network":…,"interface":…}}; and, only when it has any,
 * {@code port_mappings}: {@code [{"host_port":8080,"container_port":80,"protocol":"tcp"}]}, Mesos' field names.
 */
public final class EndpointCodec {
  public static final Codec<Endpoint> ENDPOINT = TreeCodec.of(EndpointCodec::decode, EndpointCodec::encode);
  /**
   * The record's {@code state} alone: isolate always writes "active" and nothing acts on it, so {@link Endpoint}
   * leaves it out; only inspection shows it. A record without one (another writer's) reads as "unknown".
   */
  static final Codec<String> STATE = TreeCodec.of(
      node -> node.path("state").isTextual() ? node.path("state").asText() : "unknown",
      state -> JsonTree.object().put("state", state));
  static final String IPV4_GATEWAY = "169.254.1.1";
  static final String IPV6_GATEWAY = "fe80::ecee:eeff:feee:eeee";

  private EndpointCodec() {}

  private static Endpoint decode(JsonNode node) {
    List<ProfileName> profiles = new ArrayList<>();
    texts(node, "profile_ids").forEach(name -> profiles.add(new ProfileName(name)));
    Map<String, String> labels = new LinkedHashMap<>();
    node.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    JsonNode handle = node.path("handle_id");
    EndpointId id = new EndpointId(text(node, "endpoint_id"));
    ContainerId container = new ContainerId(text(node, "container_id"));
    return new Endpoint(
        id,
        container,
        text(node, "name"),
        text(node, "mac"),
        nets(node, "ipv4_nets"),
        nets(node, "ipv6_nets"),
        profiles,
        labels,
        handle.isTextual() ? Optional.of(new HandleId(handle.asText())) : Optional.empty(),
        attachment(node.path("attachment"), container),
        portMappings(node.path("port_mappings")));
  }

  private static List<PortMapping> portMappings(JsonNode node) {
    List<PortMapping> mappings = new ArrayList<>();
    for (JsonNode mapping : node) {
      mappings.add(new PortMapping(integer(mapping.path("host_port"), "port_mappings.host_port"),
          integer(mapping.path("container_port"), "port_mappings.container_port"),
          TransportProtocol.parse("port_mappings.protocol", text(mapping, "protocol"))));
    }
    return mappings;
  }

  /** Absent (a net-modules record, or one written before CNI) reads as no attachment. */
  private static Optional<AttachmentId> attachment(JsonNode node, ContainerId container) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new AttachmentId(new NetworkName(text(node, "network")), container,
        new InterfaceName(text(node, "interface"))));
  }

  private static JsonNode encode(Endpoint endpoint) {
    ObjectNode node = JsonTree.object();
    node.put("state", "active");
    node.put("endpoint_id", endpoint.id().value());
    node.put("container_id", endpoint.container().value());
    node.put("name", endpoint.interfaceName());
    node.put("mac", endpoint.mac());
    putNets(node.putArray("ipv4_nets"), endpoint.ipv4Nets());
    putNets(node.putArray("ipv6_nets"), endpoint.ipv6Nets());
    if (!endpoint.ipv4Nets().isEmpty()) {
      node.put("ipv4_gateway", IPV4_GATEWAY);
    }
    if (!endpoint.ipv6Nets().isEmpty()) {
      node.put("ipv6_gateway", IPV6_GATEWAY);
    }
    ArrayNode profiles = node.putArray("profile_ids");
    endpoint.profiles().forEach(p -> profiles.add(p.value()));
    ObjectNode labels = node.putObject("labels");
    endpoint.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> labels.put(e.getKey(), e.getValue()));
    if (endpoint.handle().isPresent()) {
      node.put("handle_id", endpoint.handle().get().value());
    } else {
      node.putNull("handle_id");
    }
    endpoint.attachment().ifPresent(attachment -> node.putObject("attachment")
        .put("network", attachment.network().value())
        .put("interface", attachment.ifname().value()));
    if (!endpoint.portMappings().isEmpty()) {
      ArrayNode mappings = node.putArray("port_mappings");
      endpoint.portMappings().forEach(mapping -> mappings.addObject()
          .put("host_port", mapping.hostPort())
          .put("container_port", mapping.containerPort())
          .put("protocol", mapping.protocol().keyword()));
    }
    return node;
  }

  private static List<IPAddress> nets(JsonNode node, String field) {
    List<IPAddress> nets = new ArrayList<>();
    texts(node, field).forEach(text -> nets.add(Addresses.parseCidr(field, text)));
    return nets;
  }

  private static void putNets(ArrayNode array, List<IPAddress> nets) {
    nets.forEach(net -> array.add(net.toCanonicalString()));
  }
}
