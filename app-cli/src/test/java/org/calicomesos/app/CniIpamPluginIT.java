package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * calico-mesos-ipam as the IPAM plugin of Debian's reference ptp plugin, through cnitool, on SQLite and etcd: the
 * addresses come from our pools, carry real TCP between two containers, and go back to the pool on DEL.
 */
class CniIpamPluginIT {
  private static final String NETWORK = "cni-ipam-it";
  private static final String POOL = "198.18.61.0/24";

  @TempDir Path dir;

  private CniHost host;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(host);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void ptp_gets_addresses_from_our_pool_that_carry_tcp_and_del_returns_them(String datastore) throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(POOL, 28);
    host.install(host.network(NETWORK, "1.0.0", host.plugin("ptp", CniHost.object()).put("ipMasq", false)));
    NetnsContainer a = host.container();
    NetnsContainer b = host.container();

    IPAddress addressA = added(a);
    IPAddress addressB = added(b);

    assertThat(addressB).isNotEqualTo(addressA);
    assertThat(host.addressesInUse()).isEqualTo(2);
    ContainerListener listener = ContainerListener.start(b, addressB);
    assertThat(CniHost.reaches(a, listener)).as("A %s → B %s over TCP", addressA, addressB).isTrue();

    host.del(NETWORK, a, "eth0");
    host.del(NETWORK, b, "eth0");
    host.assertNothingHeld();
  }

  /** Adds {@code container} on eth0; its address, which must be from our pool and on eth0 inside. */
  private IPAddress added(NetnsContainer container) throws Exception {
    JsonNode result = host.add(NETWORK, container, "eth0");
    String cidr = result.get("ips").get(0).get("address").asText();
    IPAddress address = CniHost.addressOf(cidr);
    assertThat(Addresses.parseCidr("pool", POOL).contains(address)).as("%s in %s", address, POOL).isTrue();
    assertThat(CniHost.addressesInside(container, "eth0")).as("eth0 inside").contains(cidr);
    return address;
  }
}
