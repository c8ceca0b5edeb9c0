package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * calico-mesos as the only plugin of a CNI network, driven by cnitool (the reference runtime, over Debian's libcni)
 * in real network namespaces, on SQLite and etcd: ADD plumbs the namespace, CHECK agrees, DEL leaves nothing behind,
 * and each verb may be repeated as the spec allows runtimes to.
 */
class CniToolIT {
  private static final String NETWORK = "cni-tool-it";
  private static final String POOL = "198.18.60.0/24";

  @TempDir Path dir;

  private CniHost host;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(host);
  }

  private NetnsContainer start(String datastore) throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(POOL, 28);
    host.install(host.network(NETWORK, "1.0.0", host.mainPlugin()));
    return host.container();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void add_plumbs_the_namespace_check_agrees_and_del_frees_everything(String datastore) throws Exception {
    NetnsContainer container = start(datastore);

    JsonNode result = host.add(NETWORK, container, "eth0");

    assertThat(result.get("cniVersion").asText()).isEqualTo("1.0.0");
    String cidr = result.get("ips").get(0).get("address").asText();
    assertThat(cidr).endsWith("/32");
    assertThat(CniHost.addressOf(cidr).toCanonicalString()).startsWith("198.18.60.");
    JsonNode inside = interfaceNamed(result, "eth0");
    assertThat(inside.get("sandbox").asText()).isEqualTo(CniHost.netns(container).toString());
    assertThat(CniHost.addressesInside(container, "eth0")).containsExactly(cidr);
    assertThat(container.run("ip", "-4", "route", "show", "default")).contains("default via 169.254.1.1 dev eth0");
    String hostEnd = CniHost.hostInterface(NETWORK, container, "eth0");
    assertThat(CniHost.linkExists(hostEnd)).as("host end %s", hostEnd).isTrue();
    JsonNode endpoints = host.endpoints();
    assertThat(endpoints.findValuesAsText("container_id"))
        .containsExactly(CniHost.cnitoolContainerId(CniHost.netns(container)));
    assertThat(endpoints.get(0).get("ipv4_nets").get(0).asText()).isEqualTo(cidr);
    assertThat(host.addressesInUse()).isEqualTo(1);

    CniCall.Result check = host.cnitool("check", NETWORK, container, "eth0");
    assertThat(check.status()).as("cnitool check: %s", check).isZero();

    host.del(NETWORK, container, "eth0");
    assertThat(CniHost.linkExists(hostEnd)).as("host end after del").isFalse();
    host.assertNothingHeld();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite"}) // the first test covers the stores; this is core logic
  void add_again_answers_the_same_address_and_del_again_succeeds(String datastore) throws Exception {
    NetnsContainer container = start(datastore);

    String first = host.add(NETWORK, container, "eth0").get("ips").get(0).get("address").asText();
    // A runtime may repeat an ADD whose answer it lost: the same attachment, not a second address.
    String second = host.add(NETWORK, container, "eth0").get("ips").get(0).get("address").asText();

    assertThat(second).isEqualTo(first);
    assertThat(CniHost.addressesInside(container, "eth0")).containsExactly(first);
    assertThat(host.addressesInUse()).isEqualTo(1);
    assertThat(host.endpoints()).hasSize(1);

    host.del(NETWORK, container, "eth0");
    // The spec: DEL of something already gone succeeds.
    host.del(NETWORK, container, "eth0");
    host.assertNothingHeld();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite"}) // the first test covers the stores; this is core logic
  void a_second_interface_of_the_same_container_has_its_own_address_and_goes_on_its_own(String datastore)
      throws Exception {
    NetnsContainer container = start(datastore);

    String eth0 = host.add(NETWORK, container, "eth0").get("ips").get(0).get("address").asText();
    String eth1 = host.add(NETWORK, container, "eth1").get("ips").get(0).get("address").asText();

    assertThat(eth1).isNotEqualTo(eth0);
    assertThat(CniHost.addressesInside(container, "eth0")).containsExactly(eth0);
    assertThat(CniHost.addressesInside(container, "eth1")).containsExactly(eth1);
    String hostEnd0 = CniHost.hostInterface(NETWORK, container, "eth0");
    String hostEnd1 = CniHost.hostInterface(NETWORK, container, "eth1");
    assertThat(hostEnd1).isNotEqualTo(hostEnd0);
    assertThat(List.of(CniHost.linkExists(hostEnd0), CniHost.linkExists(hostEnd1))).containsExactly(true, true);
    assertThat(host.endpoints()).hasSize(2);
    assertThat(host.addressesInUse()).isEqualTo(2);

    host.del(NETWORK, container, "eth0");

    assertThat(CniHost.linkExists(hostEnd0)).as("eth0's host end after its del").isFalse();
    assertThat(CniHost.linkExists(hostEnd1)).as("eth1's host end after eth0's del").isTrue();
    assertThat(CniHost.addressesInside(container, "eth1")).containsExactly(eth1);
    JsonNode left = host.endpoints();
    assertThat(left).hasSize(1);
    assertThat(left.get(0).get("ipv4_nets").get(0).asText()).isEqualTo(eth1);
    assertThat(host.addressesInUse()).isEqualTo(1);
    CniCall.Result check = host.cnitool("check", NETWORK, container, "eth1");
    assertThat(check.status()).as("cnitool check eth1: %s", check).isZero();

    host.del(NETWORK, container, "eth1");
    host.assertNothingHeld();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite"}) // the first test covers the stores; this is core logic
  void the_conflist_cni_config_writes_is_one_cnitool_runs(String datastore) throws Exception {
    NetnsContainer container = start(datastore);
    String network = "cni-tool-config";
    LauncherRun written = host.adminRun("cni-config", "--network", network, "--pool", POOL);
    assertThat(written.status()).as("cni-config: %s", written.stderr()).isZero();
    ObjectNode conflist = (ObjectNode) CniHost.JSON.readTree(written.stdout());
    // The test's agent (or none), never this machine's: the admin CLI here was given no socket to name.
    ((ObjectNode) conflist.get("plugins").get(0)).put("agent_socket", host.agentSocket().toString());
    host.install(conflist);

    JsonNode result = host.add(network, container, "eth0");

    String cidr = result.get("ips").get(0).get("address").asText();
    assertThat(CniHost.addressOf(cidr).toCanonicalString()).startsWith("198.18.60.");
    assertThat(CniHost.addressesInside(container, "eth0")).containsExactly(cidr);
    host.del(network, container, "eth0");
    host.assertNothingHeld();
  }

  private static JsonNode interfaceNamed(JsonNode result, String name) {
    for (JsonNode entry : result.path("interfaces")) {
      if (entry.path("name").asText().equals(name)) {
        return entry;
      }
    }
    throw new AssertionError("no interface " + name + " in the result " + result);
  }
}
