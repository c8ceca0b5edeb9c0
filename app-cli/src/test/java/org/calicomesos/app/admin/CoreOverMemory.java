package org.calicomesos.app.admin;

import java.util.Map;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamChecker;
import org.calicomesos.core.ipam.IpamOverviewService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** The real core IPAM over a memory store, wired by hand the way the Dagger component would. */
final class CoreOverMemory {
  static final NodeName NODE = new NodeName("node-a");

  final MemoryKeyValueStore store = new MemoryKeyValueStore();
  final DatastoreKeys keys = new DatastoreKeys(DatastoreKeys.DEFAULT_PREFIX);
  private final IpamSettings settings = new IpamSettings(
      Addresses.parseCidr("CALICO_IPV4POOL_CIDR", "192.168.0.0/16"),
      Addresses.parseCidr("CALICO_IPV6POOL_CIDR", "fd80:24e2:f998:72d6::/64"));

  AdminServices services() {
    return new FixedAdminServices(
        new PoolService(store, keys, settings),
        new IpamOverviewService(store, keys, settings),
        new IpamChecker(store, keys, settings),
        new ReleaseAddressesService(store, keys, settings),
        NODE,
        store.describe());
  }

  /** Assigns IPv4 addresses the way the plugin's {@code allocate} does, so there is something to show or release. */
  AllocatedAddresses allocate(String uid, int ipv4Count) {
    return new AllocateAddressesService(store, keys, settings)
        .allocate(new AllocateCommand(NODE, new HandleId(uid), ipv4Count, 0, Map.of("host", NODE.value())));
  }

  AdminRun run(String... args) {
    return AdminRun.of(services(), args);
  }
}
