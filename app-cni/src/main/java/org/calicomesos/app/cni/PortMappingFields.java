package org.calicomesos.app.cni;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.app.json.JsonKind;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.TransportProtocol;

/**
 * Reads a list of port mappings, in CNI's form ({@code runtimeConfig.portMappings}: {@code hostPort},
 * {@code containerPort}, {@code protocol}, {@code hostIP}) or Mesos' ({@code network_info.port_mappings}:
 * {@code host_port}, {@code container_port}, {@code protocol}). The protocol defaults to tcp; a port must be an
 * integer from 1 to 65535; a host port is mapped at most once per protocol. Every refusal is code 7, naming the
 * field by its path.
 */
final class PortMappingFields {
  /** The host addresses that mean "every address": the only mappings we make. */
  private static final Set<String> EVERY_ADDRESS = Set.of("", "0.0.0.0", "::");
  /** CNI's {@code portMappings} capability. */
  static final PortMappingFields CNI = new PortMappingFields("hostPort", "containerPort", true);
  /** Mesos' {@code NetworkInfo.port_mappings}. */
  static final PortMappingFields MESOS = new PortMappingFields("host_port", "container_port", false);

  private final String hostPort;
  private final String containerPort;
  private final boolean hostIp;

  private PortMappingFields(String hostPort, String containerPort, boolean hostIp) {
    this.hostPort = hostPort;
    this.containerPort = containerPort;
    this.hostIp = hostIp;
  }

  /** @throws CniRequestException code 7 naming the field */
  List<PortMapping> read(JsonNode parent, String field, String path) {
    Map<String, PortMapping> byHostPort = new LinkedHashMap<>();
    List<JsonNode> entries = ConfigFields.list(parent, field, path);
    for (int i = 0; i < entries.size(); i++) {
      String at = path + "[" + i + "]";
      PortMapping mapping = mapping(entries.get(i), at);
      PortMapping before = byHostPort.putIfAbsent(hostPortOf(mapping), mapping);
      if (before != null) {
        throw ConfigFields.refused(at + " maps host port " + hostPortOf(mapping) + " again: " + path
            + " maps it to container port " + before.containerPort() + " already");
      }
    }
    return List.copyOf(byHostPort.values());
  }

  /**
   * The mappings of both sources, each once; a host port the two map to different container ports is refused.
   */
  static List<PortMapping> union(List<PortMapping> first, String firstPath, List<PortMapping> second,
      String secondPath) {
    Map<String, PortMapping> byHostPort = new LinkedHashMap<>();
    first.forEach(mapping -> byHostPort.put(hostPortOf(mapping), mapping));
    for (PortMapping mapping : second) {
      PortMapping before = byHostPort.putIfAbsent(hostPortOf(mapping), mapping);
      if (before != null && !before.equals(mapping)) {
        throw ConfigFields.refused(secondPath + " maps host port " + hostPortOf(mapping) + " to container port "
            + mapping.containerPort() + ", but " + firstPath + " maps it to " + before.containerPort());
      }
    }
    return List.copyOf(byHostPort.values());
  }

  private PortMapping mapping(JsonNode entry, String at) {
    if (!entry.isObject()) {
      throw ConfigFields.refused(at + " must be an object, got " + JsonKind.of(entry));
    }
    if (hostIp) {
      Optional<String> address = ConfigFields.text(entry, "hostIP", at + ".hostIP");
      if (address.isPresent() && !EVERY_ADDRESS.contains(address.get())) {
        throw ConfigFields.refused(at + ".hostIP " + ConfigFields.quoted(address.get())
            + " is not supported: calico-mesos maps a host port on every address of the host (leave hostIP out)");
      }
    }
    int host = port(entry, hostPort, at);
    int container = port(entry, containerPort, at);
    TransportProtocol protocol;
    try {
      protocol = TransportProtocol.parse(at + ".protocol",
          ConfigFields.text(entry, "protocol", at + ".protocol").orElse("tcp"));
      return new PortMapping(host, container, protocol);
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
  }

  private static int port(JsonNode entry, String field, String at) {
    String path = at + "." + field;
    JsonNode value = ConfigFields.get(entry, field)
        .orElseThrow(() -> ConfigFields.refused(path + " is missing"));
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1
        || value.intValue() > PortMapping.MAX_PORT) {
      throw ConfigFields.refused(path + " must be a port, an integer from 1 to " + PortMapping.MAX_PORT + ", got "
          + JsonKind.describe(value));
    }
    return value.intValue();
  }

  /** {@code tcp 8080}: what one host may map once. */
  private static String hostPortOf(PortMapping mapping) {
    return mapping.protocol().keyword() + " " + mapping.hostPort();
  }
}
