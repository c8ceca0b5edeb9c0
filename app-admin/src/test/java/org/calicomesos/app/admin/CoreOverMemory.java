package org.calicomesos.app.admin;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingBgpSpeaker;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.core.endpoint.ListEndpointsService;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.BlockReleaseService;
import org.calicomesos.core.ipam.IpamChecker;
import org.calicomesos.core.ipam.IpamOverviewService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.networkpolicy.NetworkPolicyService;
import org.calicomesos.core.node.NodeStatusService;
import org.calicomesos.core.profile.ProfileRulesService;
import org.calicomesos.core.profile.ShowProfilesService;
import org.calicomesos.core.routing.RoutingSettingsService;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** The real core IPAM and inspection services over a memory store, wired by hand the way the Dagger component would. */
final class CoreOverMemory {
  static final NodeName NODE = new NodeName("node-a");

  final MemoryKeyValueStore store = new MemoryKeyValueStore();
  final DatastoreKeys keys = new DatastoreKeys(DatastoreKeys.DEFAULT_PREFIX);
  final RecordingBgpSpeaker bird = new RecordingBgpSpeaker();
  private final IpamSettings settings = new IpamSettings(
      Addresses.parseCidr("CALICO_IPV4POOL_CIDR", "192.168.0.0/16"),
      Addresses.parseCidr("CALICO_IPV6POOL_CIDR", "fd80:24e2:f998:72d6::/64"));

  AdminUseCases services() {
    return new FixedAdminUseCases(
        new PoolService(store, keys, settings),
        new IpamOverviewService(store, keys, settings),
        new IpamChecker(store, keys, settings),
        new ReleaseAddressesService(store, keys, settings),
        new BlockReleaseService(store, keys),
        new ListEndpointsService(store, keys),
        new ShowProfilesService(store, keys),
        new NodeStatusService(store, keys),
        NODE,
        store.describe(),
        new RoutingSettingsService(store, keys, new PoolService(store, keys, settings)),
        bird,
        new NetworkPolicyService(store, keys),
        new ProfileRulesService(store, keys));
  }

  /** Assigns IPv4 addresses the way the plugin's {@code allocate} does, so there is something to show or release. */
  AllocatedAddresses allocate(String uid, int ipv4Count) {
    return new AllocateAddressesService(store, keys, settings)
        .allocate(new AllocateCommand(NODE, new HandleId(uid), ipv4Count, 0, Map.of("host", NODE.value())));
  }

  /**
   * Allocates under uid {@code uid-<container>} and isolates the container on {@code node} in the netgroups, as
   * the plugin does but on the memory dataplane; the host profile names {@code hostIp}. Returns its addresses.
   */
  List<IPAddress> isolate(NodeName node, String hostIp, String container, int ipv4, int ipv6, String... netgroups) {
    AllocatedAddresses allocated = new AllocateAddressesService(store, keys, settings)
        .allocate(new AllocateCommand(node, new HandleId("uid-" + container), ipv4, ipv6, Map.of()));
    List<IPAddress> addresses = new ArrayList<>(allocated.ipv4());
    addresses.addAll(allocated.ipv6());
    EndpointSettings endpoints = new EndpointSettings(node, 1500, Optional.of(Addresses.parseAnyAddress("test", hostIp)));
    new IsolateService(store, keys, new MemoryDataplane(), endpoints)
        .isolate(new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses,
            Arrays.stream(netgroups).map(Netgroup::new).toList(), Map.of("app", container)));
    return addresses;
  }

  AdminRun run(String... args) {
    return AdminRun.of(services(), args);
  }
}
