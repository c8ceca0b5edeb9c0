package org.calicomesos.core.node;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.calicomesos.core.endpoint.ListEndpointsService;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.profile.ShowProfilesService;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.node.NodeStatus;
import org.calicomesos.ports.node.ShowNodeUseCase;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.StoredProfile;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * {@code node show}: one host as the datastore records it. The host IP shown is the one the host profile admits,
 * read where isolate writes it (the {@code default_<node>} profile's inbound rule); the registration the agent
 * writes, with the addresses other hosts route to, is shown beside it, and the pools with NAT outgoing, which every
 * host masquerades alike.
 */
public final class NodeStatusService implements ShowNodeUseCase {
  private final ListEndpointsService endpoints;
  private final ShowProfilesService profiles;
  private final AddressLookup ipam;
  private final HostRoutingReader routing;

  @Inject
  public NodeStatusService(KeyValueStore store, DatastoreKeys keys) {
    this.endpoints = new ListEndpointsService(store, keys);
    this.profiles = new ShowProfilesService(store, keys);
    this.ipam = new AddressLookup(store, keys);
    this.routing = new HostRoutingReader(store, keys);
  }

  @Override
  public NodeStatus show(NodeName node) {
    List<Pool> pools = ipam.pools();
    return new NodeStatus(node, hostIp(node), ipam.blocksAffineTo(node), endpoints.list(Optional.of(node)).size(),
        routing.read(node, pools), pools.stream().filter(Pool::natOutgoing).map(Pool::cidr).toList());
  }

  private Readout<IPAddress> hostIp(NodeName node) {
    ProfileName name = ProfileName.hostDefault(node);
    Optional<StoredProfile> profile = profiles.find(name);
    if (profile.isEmpty() || profile.get().rules().absentRecord()) {
      return Readout.absent();
    }
    Readout<ProfilePolicy> rules = profile.get().rules();
    if (rules.problem().isPresent()) {
      return Readout.unreadable("profile " + name + ": " + rules.problem().get());
    }
    return rules.value().orElseThrow().inbound().stream()
        .flatMap(rule -> rule.source().nets().stream())
        .findFirst()
        .map(net -> Readout.of(net.withoutPrefixLength()))
        .orElseGet(() -> Readout.unreadable("profile " + name + " admits no host address"));
  }
}
