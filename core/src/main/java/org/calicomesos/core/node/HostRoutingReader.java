package org.calicomesos.core.node;

import org.calicomesos.core.node.registration.RegistrationCodec;
import java.util.ArrayList;
import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.ipam.Pool;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.routing.RouteModeCodec;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.node.HostRouting;
import org.calicomesos.ports.node.HostRouting.OtherHost;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.ports.schema.DatastoreKeys;

/** Reads the {@link HostRouting} of {@code node show}: the route mode, the registrations and block counts. */
final class HostRoutingReader {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final AddressLookup ipam;

  HostRoutingReader(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
    this.ipam = new AddressLookup(store, keys);
  }

  /** @param pools every pool, as just read */
  HostRouting read(NodeName self, List<Pool> pools) {
    Readout<RouteMode> mode = store.get(keys.routeMode())
        .map(RouteModeCodec.ROUTE_MODE::readout)
        .orElse(Readout.of(RouteMode.DIRECT));
    Map<String, Readout<HostRegistration>> registrations = new TreeMap<>();
    for (Entry entry : store.list(keys.hostRoot()).entries()) {
      keys.parseRegistration(entry.key()).ifPresent(node ->
          registrations.put(node.value(), RegistrationCodec.REGISTRATION.readout(entry)));
    }
    Map<NodeName, Integer> blocks = ipam.confirmedBlockCounts();
    Map<String, NodeName> others = new TreeMap<>();
    registrations.keySet().forEach(name -> others.put(name, new NodeName(name)));
    blocks.keySet().forEach(node -> others.put(node.value(), node));
    others.remove(self.value());
    List<OtherHost> otherHosts = new ArrayList<>();
    others.forEach((name, node) -> otherHosts.add(new OtherHost(node,
        Optional.ofNullable(registrations.get(name)).orElse(Readout.absent()), blocks.getOrDefault(node, 0))));
    List<IPAddress> vxlanPools = pools.stream().filter(Pool::encapsulated).map(Pool::cidr).toList();
    return new HostRouting(mode, vxlanPools, Optional.ofNullable(registrations.get(self.value())).orElse(Readout.absent()),
        otherHosts);
  }
}
