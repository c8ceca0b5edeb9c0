package org.calicomesos.core;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.endpoint.CleanupService;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.ipam.ReserveAddressesService;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Two hosts on one memory store whose records the real allocate and isolate services write (the dataplane is
 * the memory one): what the read-only inspection services are tested against.
 */
public final class TwoHosts {
  public static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  public static final NodeName HERE = new NodeName("agent-1");
  public static final NodeName THERE = new NodeName("agent-2");
  public static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));

  public final MemoryKeyValueStore store = new MemoryKeyValueStore();

  /** Allocates under uid {@code uid-<container>} and isolates the container on {@code node} in the netgroups. */
  public List<IPAddress> isolate(NodeName node, String container, int v4, int v6, String... netgroups) {
    var allocated = new AllocateAddressesService(store, KEYS, IPAM)
        .allocate(new AllocateCommand(node, new HandleId("uid-" + container), v4, v6, Map.of()));
    List<IPAddress> addresses = new ArrayList<>(allocated.ipv4());
    addresses.addAll(allocated.ipv6());
    isolateWith(node, container, addresses, netgroups);
    return addresses;
  }

  /** Reserves exactly {@code addresses} (perhaps in another host's block: borrowed) and isolates the container. */
  public void isolateReserved(NodeName node, String container, List<IPAddress> addresses, String... netgroups) {
    new ReserveAddressesService(store, KEYS, IPAM)
        .reserve(new ReserveCommand(node, new HandleId("uid-" + container), addresses, Map.of()));
    isolateWith(node, container, addresses, netgroups);
  }

  /** Cleans the container up on {@code node}, releasing what its handle still holds. */
  public void cleanup(NodeName node, String container) {
    new CleanupService(store, KEYS, new MemoryDataplane(), settings(node), new ReleaseAddressesService(store, KEYS, IPAM))
        .cleanup(new ContainerId(container));
  }

  private void isolateWith(NodeName node, String container, List<IPAddress> addresses, String... netgroups) {
    new IsolateService(store, KEYS, new MemoryDataplane(), settings(node))
        .isolate(new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses,
            Arrays.stream(netgroups).map(Netgroup::new).toList(), Map.of("app", container)));
  }

  private static EndpointSettings settings(NodeName node) {
    return new EndpointSettings(node, 1500, Optional.of(hostIp(node)));
  }

  /** The address each host's profile admits: 10.0.0.5 here, 10.0.0.6 there. */
  public static IPAddress hostIp(NodeName node) {
    return Addresses.parseAnyAddress("test", node.equals(HERE) ? "10.0.0.5" : "10.0.0.6");
  }

  /** Writes {@code value} at {@code key} as is, replacing what is there: a record another writer spoiled. */
  public void plant(String key, String value) {
    store.get(key).ifPresentOrElse(
        entry -> store.update(key, value, entry.revision()),
        () -> store.create(key, value));
  }
}
