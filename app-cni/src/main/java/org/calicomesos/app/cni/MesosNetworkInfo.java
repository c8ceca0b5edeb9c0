package org.calicomesos.app.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.app.mesos.Netgroups;
import org.calicomesos.app.mesos.StaticAddressLabel;
import org.calicomesos.app.mesos.TaskLabels;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.model.PortMapping;

/**
 * What Mesos says about the task in {@code args["org.apache.mesos"]["network_info"]} (its {@code NetworkInfo} as
 * JSON): the netgroups ({@code groups}), the labels ({@code labels.labels}, the protobuf list), and through the
 * labels the static addresses ({@code ipv4_addrs}, as net-modules reads it) and the pools
 * ({@code calico-mesos.pool}); and the task's {@code port_mappings}. Another runtime's {@code args.cni.labels} stand
 * in for the labels when Mesos sent none. {@code ip_addresses} is not read.
 */
final class MesosNetworkInfo {
  static final String POOL_LABEL = "calico-mesos.pool";
  static final String NETGROUP_LABEL = "netgroup";
  private static final String PATH = "args.org.apache.mesos.network_info";
  static final String PORT_MAPPINGS = PATH + ".port_mappings";

  private final Optional<ObjectNode> networkInfo;
  private final TaskLabels labels;

  private MesosNetworkInfo(Optional<ObjectNode> networkInfo, TaskLabels labels) {
    this.networkInfo = networkInfo;
    this.labels = labels;
  }

  /** @throws CniRequestException code 7 naming the field */
  static MesosNetworkInfo of(Optional<ObjectNode> args) {
    Optional<ObjectNode> mesos = args.flatMap(a -> ConfigFields.object(a, "org.apache.mesos", "args.org.apache.mesos"));
    Optional<ObjectNode> networkInfo = mesos.flatMap(m -> ConfigFields.object(m, "network_info", PATH));
    Optional<JsonNode> mesosLabels = networkInfo.flatMap(n -> ConfigFields.object(n, "labels", PATH + ".labels"))
        .flatMap(l -> ConfigFields.get(l, "labels"));
    Optional<JsonNode> otherLabels = args.flatMap(a -> ConfigFields.object(a, "cni", "args.cni"))
        .flatMap(c -> ConfigFields.get(c, "labels"));
    Optional<JsonNode> labels = mesosLabels.isPresent() ? mesosLabels : otherLabels;
    try {
      return new MesosNetworkInfo(networkInfo, labels.map(TaskLabels::parse).orElse(TaskLabels.NONE));
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
  }

  /** Whether the request came from Mesos' network/cni isolator, which adds its NetworkInfo. */
  boolean fromMesos() {
    return networkInfo.isPresent();
  }

  /** {@code groups}; else the {@code netgroup} label's comma-separated list; else the network's name, as Calico's plugin did. */
  List<Netgroup> netgroups(NetworkName network) {
    try {
      List<String> groups = ConfigFields.texts(networkInfo.orElse(null), "groups", PATH + ".groups");
      if (!groups.isEmpty()) {
        return Netgroups.of(PATH + ".groups", groups);
      }
      Optional<String> label = labels.get(NETGROUP_LABEL).filter(value -> !value.isBlank());
      if (label.isPresent()) {
        return Netgroups.ofCommaList("label " + NETGROUP_LABEL, label.get());
      }
      return List.of(new Netgroup(network.value()));
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
  }

  /** {@code port_mappings}: {@code [{"host_port":8080,"container_port":80,"protocol":"tcp"}]}. */
  List<PortMapping> portMappings() {
    return PortMappingFields.MESOS.read(networkInfo.orElse(null), "port_mappings", PORT_MAPPINGS);
  }

  TaskLabels labels() {
    return labels;
  }

  /** The legacy {@code ipv4_addrs} label's addresses. */
  List<IPAddress> staticAddresses() {
    try {
      return StaticAddressLabel.parse(labels);
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
  }

  /** The {@code calico-mesos.pool} label's CIDRs, when the task names its pools. */
  Optional<List<IPAddress>> pools() {
    Optional<String> label = labels.get(POOL_LABEL).filter(value -> !value.isBlank());
    if (label.isEmpty()) {
      return Optional.empty();
    }
    List<IPAddress> pools = new ArrayList<>();
    for (String text : label.get().split(",", -1)) {
      if (!text.isBlank()) {
        pools.add(Cidrs.parse("label " + POOL_LABEL, text));
      }
    }
    return Optional.of(pools);
  }
}
