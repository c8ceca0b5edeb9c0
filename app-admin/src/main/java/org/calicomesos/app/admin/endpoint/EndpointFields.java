package org.calicomesos.app.admin.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.ports.endpoint.EndpointDetails;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;

/**
 * How an endpoint appears in JSON (the same full object in {@code endpoint list} and {@code show}, so a script
 * reads one shape) and its values in text.
 */
final class EndpointFields {
  private EndpointFields() {}

  /** Every field; the content fields are null, and {@code unreadable} says why, when the record cannot be read. */
  static ObjectNode json(WorkloadEndpoint endpoint) {
    ObjectNode json = JsonDocument.object();
    json.put("node", endpoint.node().value());
    json.put("container_id", endpoint.container().value());
    json.put("endpoint_id", endpoint.id().value());
    EndpointDetails details = endpoint.details().value().orElse(null);
    json.put("interface", details == null ? null : details.interfaceName());
    json.put("mac", details == null ? null : details.mac());
    json.set("ipv4_nets", details == null ? null : netArray(details.ipv4Nets()));
    json.set("ipv6_nets", details == null ? null : netArray(details.ipv6Nets()));
    json.set("profiles", details == null ? null : profileArray(details.profiles()));
    json.set("labels", details == null ? null : labelObject(details.labels()));
    json.put("handle_id", details == null ? null : details.handle().map(HandleId::value).orElse(null));
    json.put("state", details == null ? null : details.state());
    json.set("port_mappings", details == null ? null : portMappingArray(details.portMappings()));
    json.put("unreadable", endpoint.details().problem().orElse(null));
    return json;
  }

  /** Nets as {@code a/32, b/32}, or "-" for none. */
  static String nets(List<IPAddress> nets, String separator) {
    return nets.isEmpty() ? "-" : nets.stream().map(IPAddress::toCanonicalString).collect(Collectors.joining(separator));
  }

  static String profiles(List<ProfileName> profiles, String separator) {
    return profiles.isEmpty() ? "-" : profiles.stream().map(ProfileName::value).collect(Collectors.joining(separator));
  }

  /** Labels as {@code key=value}, by key. */
  static String labels(Map<String, String> labels) {
    return labels.isEmpty() ? "-" : labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(", "));
  }

  /** Port mappings as {@code tcp 8080->80, udp 5353->53}, or "-" for none; ASCII, for any terminal. */
  static String portMappings(List<PortMapping> mappings) {
    return mappings.isEmpty() ? "-" : mappings.stream()
        .map(m -> m.protocol().keyword() + " " + m.hostPort() + "->" + m.containerPort())
        .collect(Collectors.joining(", "));
  }

  /** Mesos' field names, as the endpoint record has them. */
  static ArrayNode portMappingArray(List<PortMapping> mappings) {
    ArrayNode array = JsonDocument.array();
    mappings.forEach(mapping -> array.addObject()
        .put("host_port", mapping.hostPort())
        .put("container_port", mapping.containerPort())
        .put("protocol", mapping.protocol().keyword()));
    return array;
  }

  private static ArrayNode netArray(List<IPAddress> nets) {
    ArrayNode array = JsonDocument.array();
    nets.forEach(net -> array.add(net.toCanonicalString()));
    return array;
  }

  private static ArrayNode profileArray(List<ProfileName> profiles) {
    ArrayNode array = JsonDocument.array();
    profiles.forEach(profile -> array.add(profile.value()));
    return array;
  }

  static ObjectNode labelObject(Map<String, String> labels) {
    ObjectNode object = JsonDocument.object();
    labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> object.put(label.getKey(), label.getValue()));
    return object;
  }
}
