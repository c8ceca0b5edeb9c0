package org.calicomesos.ports.policy;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;

/**
 * The policy of one endpoint on this host, found by its host-side interface: traffic into the container is
 * admitted if any inbound rule of any of its profiles admits it, traffic out of it likewise with the outbound
 * rules; everything else is dropped. Traffic out of the container from a source that is not one of its
 * {@code addresses} (single addresses, without prefix length) is dropped too: tags name endpoints by address,
 * so a spoofed source would be a way into another netgroup. Profiles keep the endpoint's order
 * ({@code default_<node>}, {@code public}, netgroups); a profile the datastore does not hold is left out.
 */
public record EndpointPolicy(InterfaceName hostInterface, List<IPAddress> addresses, List<ProfilePolicy> profiles) {
  public EndpointPolicy {
    addresses = List.copyOf(addresses);
    profiles = List.copyOf(profiles);
  }
}
