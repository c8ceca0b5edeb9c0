package org.calicomesos.core.policy;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.selector.MesosLabels;

/**
 * What policy needs of one endpoint record, of any host: where it lives, its nets (for tag and selector sets), its
 * profiles in order, its labels sanitized (selectors see them so, with its tags, {@code core.rule.EndpointLabels}) and
 * the host ports mapped to it (which matter on its own host only). {@code addresses} are its nets as set members: a
 * /32 or /128 as the plain address, a wider net (never written by us) as its prefix block; worked out once, when the
 * record is read, since every compile needs them. The interface is empty when the record
 * names one we could not use; such an endpoint still counts as a tag member, but gets no chain, so its traffic is
 * dropped (fail closed), and its ports are not mapped.
 */
record KnownEndpoint(NodeName node, Optional<InterfaceName> hostInterface, List<IPAddress> nets,
    List<ProfileName> profiles, Map<String, String> labels, List<PortMapping> portMappings,
    List<IPAddress> addresses) {
  KnownEndpoint(NodeName node, Optional<InterfaceName> hostInterface, List<IPAddress> nets, List<ProfileName> profiles,
      Map<String, String> labels, List<PortMapping> portMappings) {
    this(node, hostInterface, nets, profiles, MesosLabels.sanitized(labels), portMappings, members(nets));
  }

  KnownEndpoint {
    addresses = List.copyOf(addresses);
    nets = List.copyOf(nets);
    profiles = List.copyOf(profiles);
    labels = Map.copyOf(labels);
    portMappings = List.copyOf(portMappings);
  }

  private static List<IPAddress> members(List<IPAddress> nets) {
    List<IPAddress> members = new ArrayList<>(nets.size());
    for (IPAddress net : nets) {
      Integer prefix = net.getNetworkPrefixLength();
      IPAddress member = prefix == null || prefix == net.getBitCount() ? net.withoutPrefixLength() : net.toPrefixBlock();
      if (!members.contains(member)) {
        members.add(member);
      }
    }
    return members;
  }
}
