package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * calico-mesos chained with Debian's portmap plugin, through cnitool, on SQLite and etcd: libcni hands portmap our
 * result as prevResult, so it must be a 0.4.0/1.0.0 result portmap can read; a client in another namespace,
 * connected to the host over a bridge, reaches the container's listener through the host's mapped port, and DEL
 * takes the mapping away again.
 */
class CniPortmapIT {
  private static final String NETWORK = "cni-portmap-it";
  private static final String POOL = "198.18.67.0/24";
  private static final int HOST_PORT = 18080;
  private static final int CONTAINER_PORT = 8080;

  @TempDir Path dir;

  private CniHost host;
  private HostNamespaces clients;
  // portmap keeps its CNI-HOSTPORT-* chains in iptables' nat tables for good; tables it created for them go again.
  private final List<String> natTablesBefore = natTables();

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(host, clients, this::removeNatTablesPortmapMade);
  }

  private static List<String> natTables() {
    return List.of("ip", "ip6").stream()
        .filter(family -> KernelCommand.attempt("nft", "list", "table", family, "nat").succeeded())
        .toList();
  }

  private void removeNatTablesPortmapMade() {
    for (String family : natTables()) {
      if (!natTablesBefore.contains(family)) {
        KernelCommand.attempt("nft", "delete", "table", family, "nat");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void a_mapped_host_port_reaches_the_container_until_del(String datastore) throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(POOL, 28);
    ObjectNode portmap = CniHost.object().put("type", "portmap");
    portmap.putObject("capabilities").put("portMappings", true);
    host.install(host.conflist(NETWORK, "1.0.0", host.mainPlugin(), portmap));
    // The client's "machine": a namespace on a bridge whose root-namespace address is the host's address here.
    clients = HostNamespaces.create("cnipm0", "198.19.67", "cnipm-c", 1);
    // Traffic from the bridge is forwarded to the container; on a host with forwarding off by default, only here.
    KernelCommand.run("sysctl", "-qw", "net.ipv4.conf.cnipm0.forwarding=1");
    NetnsContainer container = host.container();

    Map<String, String> mapping = Map.of("CAP_ARGS", "{\"portMappings\":[{\"hostPort\":" + HOST_PORT
        + ",\"containerPort\":" + CONTAINER_PORT + ",\"protocol\":\"tcp\"}]}");
    String cidr = host.add(NETWORK, container, "eth0", mapping).get("ips").get(0).get("address").asText();
    IPAddress address = CniHost.addressOf(cidr);
    ContainerListener.onPort(container, address, CONTAINER_PORT);

    assertThat(throughMappedPort()).as("client → %s:%s → %s:%s", clients.rootAddress(), HOST_PORT, address,
        CONTAINER_PORT).isTrue();
    assertThat(natRules()).contains("--dport " + HOST_PORT);

    // portmap finds what to unmap in the same capability arguments the runtime passed to ADD.
    host.del(NETWORK, container, "eth0", mapping);

    assertThat(natRules()).as("NAT rules after del").doesNotContain("--dport " + HOST_PORT);
    assertThat(throughMappedPort()).as("the mapped port after del").isFalse();
    host.assertNothingHeld();
  }

  /** From the client namespace to the host's address on the bridge, at the mapped port. */
  private boolean throughMappedPort() {
    KernelCommand.Result result = KernelCommand.attempt("ip", "netns", "exec", clients.namespace(1), "socat", "-T", "2",
        "-", "TCP4:" + clients.rootAddress() + ":" + HOST_PORT + ",connect-timeout=1");
    return result.succeeded() && result.stdout().strip().equals(ContainerListener.GREETING);
  }

  private static String natRules() {
    return KernelCommand.run("iptables", "-t", "nat", "-S");
  }
}
