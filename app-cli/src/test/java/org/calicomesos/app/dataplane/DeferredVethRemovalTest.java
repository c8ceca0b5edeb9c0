package org.calicomesos.app.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.app.agent.serving.DeferredVethRemoval;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.testkit.dataplane.ContractPlans;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.dataplane.TestNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's dataplane deletes a veth after its request answered; whatever comes next on the real kernel must
 * never meet the old veth: the same container plumbed again at once, the same address in another container, a look
 * at the host's interfaces.
 */
class DeferredVethRemovalTest {
  private final TestNetwork network = new TestNetwork();
  private final DeferredVethRemoval dataplane = new DeferredVethRemoval(NetlinkDataplaneModule.netlinkDataplane());

  @AfterEach
  void cleanUp() {
    dataplane.close();
    network.close();
  }

  @Test
  void a_removed_veth_is_gone_for_whatever_looks_next() {
    InterfaceName host = network.interfaceName();
    NetnsContainer container = network.container();
    dataplane.plumb(ContractPlans.plan(host, container.namespace(), List.of(network.ipv4())));

    assertThat(dataplane.unplumb(host)).isTrue();

    assertThat(dataplane.inspect(host)).isEmpty();
    assertThat(dataplane.interfacesStartingWith(host.value())).isEmpty();
    assertThat(dataplane.unplumb(host)).as("already gone").isFalse();
  }

  @Test
  void the_same_container_plumbed_again_at_once_gets_a_fresh_veth() {
    InterfaceName host = network.interfaceName();
    NetnsContainer container = network.container();
    VethPlan plan = ContractPlans.plan(host, container.namespace(), List.of(network.ipv4()));
    dataplane.plumb(plan);
    dataplane.unplumb(host);

    dataplane.plumb(plan);

    assertThat(dataplane.inspect(host)).isPresent();
    dataplane.unplumb(host);
  }

  @Test
  void an_address_given_to_another_container_at_once_gets_its_host_route() {
    IPAddress address = network.ipv4();
    InterfaceName first = network.interfaceName();
    dataplane.plumb(ContractPlans.plan(first, network.container().namespace(), List.of(address)));
    dataplane.unplumb(first);
    InterfaceName second = network.interfaceName();

    dataplane.plumb(ContractPlans.plan(second, network.container().namespace(), List.of(address)));

    assertThat(dataplane.inspect(second).orElseThrow().routes())
        .contains(address.withoutPrefixLength().toPrefixBlock(address.getBitCount()));
    dataplane.unplumb(second);
  }
}
