package org.calicomesos.app.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.adapters.iproute2.Iproute2DataplaneModule;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.testkit.dataplane.ContractPlans;
import org.calicomesos.testkit.dataplane.KernelState;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.dataplane.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both dataplanes must leave the kernel in the same state for the same plan (docs/calico-model.md,
 * "Container plumbing"). The same plan (same host interface name, same addresses) is applied by each adapter in turn,
 * into a fresh namespace, and the normalised {@code ip -j} views of the container and of the host end are compared.
 */
class DataplaneParityTest {
  private final TestNetwork network = new TestNetwork();
  private final Dataplane netlink = NetlinkDataplaneModule.netlinkDataplane();
  private final Dataplane iproute2 = Iproute2DataplaneModule.iproute2Dataplane();

  @AfterEach
  void cleanUp() {
    network.close();
  }

  @Test
  void netlink_and_iproute2_leave_identical_kernel_state_for_a_dual_stack_plan() {
    InterfaceName host = network.interfaceName();
    List<IPAddress> addresses = List.of(network.ipv4(), network.ipv6());

    Snapshot byNetlink = applyAndRead(netlink, host, addresses);
    Snapshot byIproute2 = applyAndRead(iproute2, host, addresses);

    assertThat(byNetlink.container().links()).isNotEmpty();
    assertThat(byNetlink.host().routes()).filteredOn(route -> route.contains("\"protocol\":\"196\"")).hasSize(2);
    assertThat(byIproute2).isEqualTo(byNetlink);
  }

  private Snapshot applyAndRead(Dataplane dataplane, InterfaceName host, List<IPAddress> addresses) {
    NetnsContainer container = network.container();
    VethPlan plan = ContractPlans.plan(host, container.namespace(), addresses);
    dataplane.plumb(plan);
    try {
      return new Snapshot(KernelState.ofContainer(container), KernelState.ofHost(host.value()));
    } finally {
      dataplane.unplumb(host);
    }
  }

  private record Snapshot(KernelState container, KernelState host) {}
}
