package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.model.TransportProtocol;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostNat;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.rule.Rule;

/** Short ways to write the policies the adapter's own tests render. */
final class Policies {
  private Policies() {}

  static IPAddress ip(String text) {
    return new IPAddressString(text).getAddress();
  }

  static EndpointPolicy endpoint(String hostInterface, List<String> addresses, ProfilePolicy... profiles) {
    return new EndpointPolicy(new InterfaceName(hostInterface), addresses.stream().map(Policies::ip).toList(),
        List.of(profiles));
  }

  /** The endpoint with {@code mappings}. */
  static EndpointPolicy mapped(EndpointPolicy endpoint, PortMapping... mappings) {
    return new EndpointPolicy(endpoint.hostInterface(), endpoint.addresses(), endpoint.profiles(), List.of(mappings));
  }

  static PortMapping tcp(int hostPort, int containerPort) {
    return new PortMapping(hostPort, containerPort, TransportProtocol.TCP);
  }

  /** NAT outgoing for {@code natOutgoing}, of {@code pools}: CIDRs. */
  static HostNat nat(List<String> pools, List<String> natOutgoing) {
    return new HostNat(pools.stream().map(Policies::ip).toList(), natOutgoing.stream().map(Policies::ip).toList());
  }

  static ProfilePolicy profile(String name, List<Rule> inbound, List<Rule> outbound) {
    return new ProfilePolicy(new ProfileName(name), inbound, outbound);
  }
}
