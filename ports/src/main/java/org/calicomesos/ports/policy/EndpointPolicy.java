package org.calicomesos.ports.policy;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.PortMapping;

/**
 * The policy of one endpoint on this host, found by its host-side interface. Traffic into the container meets, in
 * order, the {@code ingressPolicies} that apply to it ({@link HostPolicy#policies()} holds their rules), then its
 * profiles' inbound rules; traffic out of it the {@code egressPolicies}, then the outbound rules — as Calico evaluates
 * them:
 * <ul>
 *   <li>a policy rule that allows or denies ends evaluation; {@code log} logs and goes on; {@code pass} skips the
 *       remaining policies and goes to the profiles;
 *   <li>when policies apply in a direction and none of their rules allows, denies or passes a packet, it is denied
 *       (the profiles are not consulted);
 *   <li>with no policy in a direction, the profiles decide: a packet no profile rule allows is dropped.
 * </ul>
 * Traffic out of the container from a source that is not one of its {@code addresses} (single addresses, without
 * prefix length) is dropped first: tags and selectors name endpoints by address, so a spoofed source would be a way
 * in. Profiles keep the endpoint's order ({@code default_<node>}, {@code public}, netgroups); a profile the datastore
 * does not hold is left out.
 *
 * <p>{@code portMappings}: connections to this host's addresses on a mapped host port go to the endpoint's first
 * address of their family on the container port, and are admitted to that port whatever the rules say: the operator
 * asked for the exposure. Each host port is mapped at most once per protocol on the host.
 */
public record EndpointPolicy(InterfaceName hostInterface, List<IPAddress> addresses, List<ProfilePolicy> profiles,
    List<PortMapping> portMappings, List<PolicyName> ingressPolicies, List<PolicyName> egressPolicies) {
  /** An endpoint without port mappings or policies. */
  public EndpointPolicy(InterfaceName hostInterface, List<IPAddress> addresses, List<ProfilePolicy> profiles) {
    this(hostInterface, addresses, profiles, List.of());
  }

  /** An endpoint no policy applies to. */
  public EndpointPolicy(InterfaceName hostInterface, List<IPAddress> addresses, List<ProfilePolicy> profiles,
      List<PortMapping> portMappings) {
    this(hostInterface, addresses, profiles, portMappings, List.of(), List.of());
  }

  public EndpointPolicy {
    addresses = List.copyOf(addresses);
    profiles = List.copyOf(profiles);
    portMappings = List.copyOf(portMappings);
    ingressPolicies = List.copyOf(ingressPolicies);
    egressPolicies = List.copyOf(egressPolicies);
  }
}
