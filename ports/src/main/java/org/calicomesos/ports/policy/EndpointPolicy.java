package org.calicomesos.ports.policy;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.PortMapping;

/**
 * The policy of one endpoint on this host, found by its host-side interface: traffic into the container is
 * admitted if any inbound rule of any of its profiles admits it, traffic out of it likewise with the outbound
 * rules; everything else is dropped. Traffic out of the container from a source that is not one of its
 * {@code addresses} (single addresses, without prefix length) is dropped too: tags name endpoints by address,
 * so a spoofed source would be a way into another netgroup. Profiles keep the endpoint's order
 * ({@code default_<node>}, {@code public}, netgroups); a profile the datastore does not hold is left out.
 *
 * <p>{@code portMappings}: connections to this host's addresses on a mapped host port go to the endpoint's first
 * address of their family on the container port, and are admitted to that port whatever the profiles say: the
 * operator asked for the exposure. Each host port is mapped at most once per protocol on the host.
 */
public record EndpointPolicy(InterfaceName hostInterface, List<IPAddress> addresses, List<ProfilePolicy> profiles,
    List<PortMapping> portMappings) {
  /** An endpoint without port mappings. */
  public EndpointPolicy(InterfaceName hostInterface, List<IPAddress> addresses, List<ProfilePolicy> profiles) {
    this(hostInterface, addresses, profiles, List.of());
  }

  public EndpointPolicy {
    addresses = List.copyOf(addresses);
    profiles = List.copyOf(profiles);
    portMappings = List.copyOf(portMappings);
  }
}
