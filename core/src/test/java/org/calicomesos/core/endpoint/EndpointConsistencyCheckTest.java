package org.calicomesos.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.core.ipam.ReserveAddressesService;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.IpamProblem;
import org.calicomesos.ports.ipam.IpamProblem.Kind;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.Test;

class EndpointConsistencyCheckTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName NODE = new NodeName("agent-1");
  private static final IpamSettings IPAM = new IpamSettings(
      Addresses.parseCidr("v4", "198.18.0.0/24"), Addresses.parseCidr("v6", "fd00:c0de::/120"));

  private final MemoryKeyValueStore store = new MemoryKeyValueStore();
  private final MemoryDataplane dataplane = new MemoryDataplane().withHostAddress("ens3", ip("10.0.0.5"));
  private final EndpointSettings settings = new EndpointSettings(NODE, 1500, Optional.empty());
  private final IsolateService isolate = new IsolateService(store, KEYS, dataplane, settings);
  private final ReleaseAddressesService release = new ReleaseAddressesService(store, KEYS, IPAM);
  private final EndpointConsistencyCheck check = new EndpointConsistencyCheck(store, KEYS, IPAM, dataplane, settings);

  @Test
  void a_healthy_host_is_clean() {
    isolate.isolate(command("c1", allocate("uid-1")));

    assertThat(check.check().problems()).isEmpty();
  }

  @Test
  void reports_endpoints_whose_addresses_are_free_or_held_by_another_uid() {
    List<IPAddress> first = allocate("uid-1");
    List<IPAddress> second = allocate("uid-2");
    isolate.isolate(command("c1", first));
    isolate.isolate(command("c2", second));
    release.release(new ReleaseCommand.ByAddresses(first));
    release.release(new ReleaseCommand.ByAddresses(second));
    new ReserveAddressesService(store, KEYS, IPAM).reserve(
        new ReserveCommand(NODE, new HandleId("uid-3"), second, Map.of()));

    assertThat(check.check().problems()).containsExactlyInAnyOrder(
        new IpamProblem(Kind.ENDPOINT_MISMATCH, first.get(0).toCanonicalString(),
            "container c1 uses it, but it is not allocated"),
        new IpamProblem(Kind.ENDPOINT_MISMATCH, second.get(0).toCanonicalString(),
            "container c2 uses it under uid uid-2, but it is held by uid uid-3"));
  }

  @Test
  void reports_cali_interfaces_no_endpoint_names() {
    isolate.isolate(command("c1", allocate("uid-1")));
    dataplane.plumb(VethPlanner.plan(new InterfaceName("cali0123456789a"), new NetworkNamespace.OfProcess(7),
        allocate("uid-2"), 1500));

    assertThat(check.check().problems()).singleElement().satisfies(problem -> {
      assertThat(problem.kind()).isEqualTo(Kind.ORPHAN_INTERFACE);
      assertThat(problem.subject()).isEqualTo("cali0123456789a");
    });
  }

  private List<IPAddress> allocate(String uid) {
    return new AllocateAddressesService(store, KEYS, IPAM)
        .allocate(new AllocateCommand(NODE, new HandleId(uid), 1, 0, Map.of())).ipv4();
  }

  private static IsolateCommand command(String container, List<IPAddress> addresses) {
    return new IsolateCommand(new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses, List.of(), Map.of());
  }

  private static IPAddress ip(String text) {
    return Addresses.parseAnyAddress("ip", text);
  }
}
