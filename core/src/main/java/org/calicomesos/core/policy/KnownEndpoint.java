package org.calicomesos.core.policy;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;

/**
 * What policy needs of one endpoint record, of any host: where it lives, its nets (for tag and selector sets), its
 * profiles in order, its labels as recorded (selectors see them sanitized, {@code core.rule.EndpointLabels}) and the
 * host ports mapped to it (which matter on its own host only). The interface is empty when the record
 * names one we could not use; such an endpoint still counts as a tag member, but gets no chain, so its traffic is
 * dropped (fail closed), and its ports are not mapped.
 */
record KnownEndpoint(NodeName node, Optional<InterfaceName> hostInterface, List<IPAddress> nets,
    List<ProfileName> profiles, Map<String, String> labels, List<PortMapping> portMappings) {
  KnownEndpoint {
    nets = List.copyOf(nets);
    profiles = List.copyOf(profiles);
    labels = Map.copyOf(labels);
    portMappings = List.copyOf(portMappings);
  }
}
