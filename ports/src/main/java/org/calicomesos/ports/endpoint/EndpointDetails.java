package org.calicomesos.ports.endpoint;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;

/**
 * An endpoint record's content (docs/datastore-schema.md, "Endpoints"): host-side interface, the container's MAC, its
 * nets, profiles in order, labels, the handle (net-modules uid) that held its addresses, the state the record
 * gives, and the host ports mapped to it.
 */
public record EndpointDetails(String interfaceName, String mac, List<IPAddress> ipv4Nets, List<IPAddress> ipv6Nets,
    List<ProfileName> profiles, Map<String, String> labels, Optional<HandleId> handle, String state,
    List<PortMapping> portMappings) {
  /** Details without port mappings. */
  public EndpointDetails(String interfaceName, String mac, List<IPAddress> ipv4Nets, List<IPAddress> ipv6Nets,
      List<ProfileName> profiles, Map<String, String> labels, Optional<HandleId> handle, String state) {
    this(interfaceName, mac, ipv4Nets, ipv6Nets, profiles, labels, handle, state, List.of());
  }

  public EndpointDetails {
    portMappings = List.copyOf(portMappings);
    ipv4Nets = List.copyOf(ipv4Nets);
    ipv6Nets = List.copyOf(ipv6Nets);
    profiles = List.copyOf(profiles);
    labels = Map.copyOf(labels);
  }
}
