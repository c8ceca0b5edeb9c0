package org.calicomesos.app.cni;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.attachment.AddressRequest;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.model.PortMapping;

/**
 * Reads a CNI request (its {@code CNI_*} environment and its network configuration) into a {@link CniRequest},
 * deciding everything that can be refused without the datastore: a request refused here changes nothing.
 */
final class CniRequestReader {
  private static final System.Logger LOG = System.getLogger(CniRequestReader.class.getName());

  private final boolean ipamPlugin;

  /** @param ipamPlugin the IPAM plugin plumbs nothing, so it needs no {@code CNI_NETNS} */
  CniRequestReader(boolean ipamPlugin) {
    this.ipamPlugin = ipamPlugin;
  }

  /** @throws CniRequestException with the code of what is wrong */
  CniRequest read(Map<String, String> variables, byte[] stdin) {
    CniEnvironment environment = new CniEnvironment(variables);
    CniCommand command = environment.command();
    if (command == CniCommand.VERSION) {
      return new CniRequest.Version(NetworkConfig.versionOf(stdin).orElse(CniVersion.LATEST));
    }
    NetworkConfig config = NetworkConfig.decode(stdin);
    CniVersion version = config.version();
    NetworkName network = config.name();
    config.type();
    switch (command) {
      case ADD:
        return add(environment, config, network);
      case DEL:
        AttachmentId deleted = new AttachmentId(network, environment.containerId(), environment.ifname());
        environment.optionalNamespace();
        return new CniRequest.Del(version, deleted);
      case CHECK:
        requireVersion(command, version, CniVersion.V0_4_0);
        AttachmentId checked = new AttachmentId(network, environment.containerId(), environment.ifname());
        return new CniRequest.Check(version, checked, namespace(environment), config.previousAddresses());
      case GC:
        requireVersion(command, version, CniVersion.V1_1_0);
        return new CniRequest.Gc(version, network, config.validAttachments(network));
      case STATUS:
        requireVersion(command, version, CniVersion.V1_1_0);
        return new CniRequest.Status(version, config.assignIpv4(), config.assignIpv6(), config.pools());
      default:
        throw new IllegalStateException("unhandled command " + command);
    }
  }

  private CniRequest.Add add(CniEnvironment environment, NetworkConfig config, NetworkName network) {
    AttachmentId id = new AttachmentId(network, environment.containerId(), environment.ifname());
    Optional<NetworkNamespace> namespace = namespace(environment);
    CniArgs args = environment.args();
    MesosNetworkInfo mesos = MesosNetworkInfo.of(config.args());
    if (mesos.fromMesos() && config.version().compareTo(CniVersion.V0_3_0) >= 0) {
      // Not refused: the addresses are right, and another runtime may read the same file. But Mesos parses only
      // the 0.1/0.2 result form and would give the task no address.
      LOG.log(System.Logger.Level.WARNING, "network {0} says cniVersion {1}, but Mesos reads only the 0.2.0 result"
          + " form, so its task gets no address; write its .conf with \"cniVersion\": \"0.2.0\""
          + " (calico-mesos cni-config --mesos)", network, config.version());
    }
    // Each source is read in full before the next, so that of several bad values the first named is reported.
    LinkedHashSet<IPAddress> named = new LinkedHashSet<>(args.staticAddresses());
    named.addAll(config.runtimeAddresses());
    named.addAll(mesos.staticAddresses());
    List<IPAddress> staticAddresses = new ArrayList<>(named);
    List<IPAddress> configuredPools = config.pools();
    List<IPAddress> pools = mesos.pools().orElse(configuredPools);
    // A static address of a family stands in for the pool address of that family.
    int ipv4Count = config.assignIpv4() && !hasFamily(staticAddresses, IpFamily.V4) ? 1 : 0;
    int ipv6Count = config.assignIpv6() && !hasFamily(staticAddresses, IpFamily.V6) ? 1 : 0;
    AddressRequest addresses;
    try {
      addresses = new AddressRequest(ipv4Count, ipv6Count, staticAddresses, pools);
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
    List<PortMapping> portMappings = ipamPlugin ? List.of()
        : PortMappingFields.union(config.runtimePortMappings(), NetworkConfig.RUNTIME_PORT_MAPPINGS,
            mesos.portMappings(), MesosNetworkInfo.PORT_MAPPINGS);
    return new CniRequest.Add(config.version(), id, namespace, addresses, mesos.netgroups(network),
        mesos.labels().asMap(), portMappings);
  }

  private Optional<NetworkNamespace> namespace(CniEnvironment environment) {
    return ipamPlugin ? environment.optionalNamespace().map(NetworkNamespace.class::cast)
        : Optional.of(environment.namespace());
  }

  private static boolean hasFamily(List<IPAddress> addresses, IpFamily family) {
    return addresses.stream().anyMatch(address -> IpFamily.of(address) == family);
  }

  private static void requireVersion(CniCommand command, CniVersion version, CniVersion first) {
    if (version.compareTo(first) < 0) {
      throw new CniRequestException(CniErrorCode.INCOMPATIBLE_VERSION, "incompatible CNI version: " + command
          + " needs cniVersion " + first + " or later, the network configuration says " + version);
    }
  }
}
