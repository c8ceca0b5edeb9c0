package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.adapters.sqlite.SqliteKeyValueStore;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Port mappings through the real plugin process on SQLite, the configuration on stdin as a runtime pipes it with
 * the {@code portMappings} capability: ADD records the mapping on the endpoint and claims the host port, which
 * {@code endpoint show} and {@code node show} list; a second container asking for the same host port is refused
 * with nothing written; DEL gives the port back, and a third container takes it.
 */
class CniPortMappingIT {
  private static final String NETWORK = "cni-port-mapping-it";
  private static final String POOL = "198.18.68.0/24";
  private static final int HOST_PORT = 18081;
  private static final DatastoreKeys KEYS = new DatastoreKeys(DatastoreKeys.DEFAULT_PREFIX);
  private static final String CLAIMS = KEYS.portClaimPrefix(new NodeName(CniHost.NODE));

  @TempDir Path dir;

  private CniHost host;
  private final List<AutoCloseable> added = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(added, host);
  }

  @Test
  void a_host_port_is_mapped_once_on_a_host_until_del_gives_it_back() throws Exception {
    host = CniHost.start("sqlite", dir);
    host.addPool(POOL, 28);

    CniCall.Result first = add("pm-1", host.container(), 80);

    assertThat(first.status()).as("ADD pm-1: %s", first).isZero();
    JsonNode endpoint = host.admin("endpoint", "show", "pm-1").get("endpoints").get(0);
    assertThat(endpoint.get("port_mappings").toString())
        .isEqualTo("[{\"host_port\":" + HOST_PORT + ",\"container_port\":80,\"protocol\":\"tcp\"}]");
    assertThat(host.adminRun("endpoint", "show", "pm-1").stdout()).containsPattern("host ports: +tcp " + HOST_PORT + "->80");
    assertThat(host.admin("node", "show").get("mapped_ports").toString()).isEqualTo("[{\"protocol\":\"tcp\","
        + "\"host_port\":" + HOST_PORT + ",\"container_port\":80,\"container_id\":\"pm-1\"}]");
    assertThat(claims()).singleElement().satisfies(claim -> {
      assertThat(claim.key()).isEqualTo(CLAIMS + "tcp/" + HOST_PORT);
      assertThat(claim.value()).contains("\"container_id\":\"pm-1\"");
    });

    NetnsContainer refusedContainer = host.container();
    CniCall.Result refused = add("pm-2", refusedContainer, 81);

    assertThat(refused.status()).as("ADD pm-2: %s", refused).isNotZero();
    assertThat(refused.code()).as("code of %s", refused).isEqualTo(106);
    assertThat(refused.msg())
        .isEqualTo("host port tcp " + HOST_PORT + " is already mapped on this host, to container pm-1");
    assertThat(host.endpoints()).as("endpoint records").hasSize(1);
    assertThat(host.addressesInUse()).isEqualTo(1);
    assertThat(claims()).singleElement().satisfies(claim -> assertThat(claim.value()).contains("pm-1"));
    assertThat(refusedContainer.run("ip", "-o", "link", "show")).doesNotContain("eth0");
    assertThat(CniHost.linkExists(CniHost.hostInterface(NETWORK, "pm-2", "eth0"))).isFalse();

    assertThat(del("pm-1").status()).isZero();
    assertThat(claims()).isEmpty();

    CniCall.Result third = add("pm-3", host.container(), 82);

    assertThat(third.status()).as("ADD pm-3: %s", third).isZero();
    assertThat(claims()).singleElement().satisfies(claim -> assertThat(claim.value()).contains("pm-3"));
    assertThat(del("pm-3").status()).isZero();
    assertThat(claims()).isEmpty();
    host.assertNothingHeldOf(CniHost.hostInterface(NETWORK, "pm-3", "eth0"));
  }

  /** ADD of {@code containerId}'s eth0 mapping {@link #HOST_PORT} to {@code containerPort}, as a runtime pipes it. */
  private CniCall.Result add(String containerId, NetnsContainer container, int containerPort) {
    ObjectNode conf = host.network(NETWORK, "1.0.0", host.mainPlugin());
    conf.putObject("runtimeConfig").putArray("portMappings").addObject()
        .put("hostPort", HOST_PORT).put("containerPort", containerPort).put("protocol", "tcp");
    CniCall.Result result = call("ADD", containerId).netns(CniHost.netns(container)).withConfig(conf.toString());
    if (result.status() == 0) {
      added.add(() -> del(containerId));
    }
    return result;
  }

  private CniCall.Result del(String containerId) {
    return call("DEL", containerId).withConfig(host.network(NETWORK, "1.0.0", host.mainPlugin()).toString());
  }

  private CniCall call(String command, String containerId) {
    return CniCall.of(host.plugin(), command).containerId(containerId).ifname("eth0").path(host.cniPath());
  }

  private List<Entry> claims() {
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(host.storeFile())) {
      return store.list(CLAIMS).entries();
    }
  }
}
