package org.calicomesos.app.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.adapters.iproute2.Iproute2DataplaneModule;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.ports.dataplane.ContainerInterface;
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

  @Test
  void netlink_and_iproute2_read_the_same_container_side() {
    InterfaceName host = network.interfaceName("chk");
    NetnsContainer container = network.container();
    VethPlan plan = ContractPlans.plan(host, container.namespace(), List.of(network.ipv4(), network.ipv6()));
    netlink.plumb(plan);

    String byNetlink = normalised(netlink.inspectContainer(container.namespace(), plan.containerInterface())
        .orElseThrow());
    String byIproute2 = normalised(iproute2.inspectContainer(container.namespace(), plan.containerInterface())
        .orElseThrow());

    assertThat(byNetlink).contains("0.0.0.0/0 via 169.254.1.1");
    assertThat(byIproute2).isEqualTo(byNetlink);
  }

  /** Addresses and routes in canonical text, sorted: the adapters may list them in different orders. */
  private static String normalised(ContainerInterface seen) {
    return seen.name() + " up=" + seen.up() + " "
        + seen.addresses().stream().map(IPAddress::toCanonicalString).sorted().toList() + " "
        + seen.routes().stream().map(route -> route.destination().toCanonicalString()
            + route.gateway().map(g -> " via " + g.toCanonicalString()).orElse("")).sorted().toList();
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
