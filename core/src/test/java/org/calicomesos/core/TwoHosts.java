package org.calicomesos.core;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
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
  private static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));

  public final MemoryKeyValueStore store = new MemoryKeyValueStore();

  /** Allocates under uid {@code uid-<container>} and isolates the container on {@code node} in the netgroups. */
  public List<IPAddress> isolate(NodeName node, String container, int v4, int v6, String... netgroups) {
    var allocated = new AllocateAddressesService(store, KEYS, IPAM)
        .allocate(new AllocateCommand(node, new HandleId("uid-" + container), v4, v6, Map.of()));
    List<IPAddress> addresses = new ArrayList<>(allocated.ipv4());
    addresses.addAll(allocated.ipv6());
    EndpointSettings settings = new EndpointSettings(node, 1500, Optional.of(hostIp(node)));
    new IsolateService(store, KEYS, new MemoryDataplane(), settings)
        .isolate(new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses,
            Arrays.stream(netgroups).map(Netgroup::new).toList(), Map.of("app", container)));
    return addresses;
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
