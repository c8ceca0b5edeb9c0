package org.calicomesos.core.gc;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.MovableClock;
import org.calicomesos.core.attachment.DetachService;
import org.calicomesos.core.endpoint.CleanupService;
import org.calicomesos.core.endpoint.EndpointConsistencyCheck;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.AssignAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.ipam.ReserveAddressesService;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.gc.CollectCommand;
import org.calicomesos.ports.gc.CollectionReport;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** A host's services and its collector over one memory store and dataplane, on a clock the test moves. */
final class GcFixture {
  static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  static final NodeName NODE = new NodeName("agent-1");
  static final NodeName OTHER = new NodeName("agent-2");
  static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));

  final MemoryKeyValueStore memory = new MemoryKeyValueStore();
  final MemoryDataplane dataplane = new MemoryDataplane().withHostAddress("ens3", Addresses.parseAnyAddress("ip", "10.0.0.5"));
  final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T04:00:00Z"));
  final Host host = new Host(NODE);
  final Host other = new Host(OTHER);

  /** One node's services, sharing the store and (for the test's purposes) the dataplane. */
  final class Host {
    final EndpointSettings settings;
    final ReleaseAddressesService release = new ReleaseAddressesService(memory, KEYS, IPAM);
    final AssignAddressesService assign = new AssignAddressesService(
        new ReserveAddressesService(memory, KEYS, IPAM), new AllocateAddressesService(memory, KEYS, IPAM), release);
    final IsolateService isolate;
    final CleanupService cleanup;
    final LeakCollector collector;
    final LeakAwareCheck check;

    Host(NodeName node) {
      settings = new EndpointSettings(node, 1440, Optional.empty());
      isolate = new IsolateService(memory, KEYS, dataplane, settings);
      cleanup = new CleanupService(memory, KEYS, dataplane, settings, release);
      collector = new LeakCollector(memory, KEYS, dataplane, settings, cleanup,
          new DetachService(memory, KEYS, dataplane, settings, release), release, clock);
      check = new LeakAwareCheck(new EndpointConsistencyCheck(memory, KEYS, IPAM, dataplane, settings), collector,
          new CollectorSettings(Duration.ofHours(1)));
    }

    List<IPAddress> allocate(String uid) {
      var allocated = assign.assign(new AssignAddressesCommand.Allocate(settings.node(), new HandleId(uid),
          new AgentHostname(settings.node().value()), 1, 0, List.of(), List.of(), Map.of()));
      return allocated.ipv4();
    }

    void isolate(String container, List<IPAddress> addresses) {
      isolate.isolate(new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses,
          List.of(), Map.of()));
    }

    CollectionReport collect(Duration grace) {
      return collector.collect(new CollectCommand(grace, false));
    }

    CollectionReport dryRun(Duration grace) {
      return collector.collect(new CollectCommand(grace, true));
    }
  }
}
