package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CNI 1.1 verbs Debian's libcni does not have, driven as the spec describes them: STATUS (is the network ready
 * for ADDs: the store reachable, the pool not full) and GC (free every attachment but those the runtime still
 * knows, {@code cni.dev/valid-attachments}).
 */
class CniStatusGcIT {
  private static final String NETWORK = "cni-status-gc-it";
  private static final String POOL = "198.18.63.0/24";
  private static final String TINY_POOL = "198.18.64.0/30";

  @TempDir Path dir;

  private CniHost host;
  private final List<AutoCloseable> made = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    made.add(host);
    Teardown.inOrder(made.toArray(AutoCloseable[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void status_succeeds_when_the_store_answers_and_the_pool_has_room(String datastore) throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(POOL, 28);

    CniCall.Result status = status(config(host.mainPlugin()));

    assertThat(status.status()).as("STATUS: %s", status).isZero();
    assertThat(status.stdout()).isBlank();
  }

  @Test
  void status_is_not_ready_while_etcd_is_stopped() throws Exception {
    host = CniHost.start("etcd", dir);
    host.addPool(POOL, 28);
    host.etcd().kill();

    CniCall.Result status = status(config(host.mainPlugin()));

    assertThat(status.status()).as("STATUS: %s", status).isNotZero();
    assertThat(status.code()).as("STATUS: %s", status).isEqualTo(50);
    assertThat(status.msg()).containsIgnoringCase("etcd");
  }

  @Test
  void status_is_not_ready_when_the_etcd_endpoint_is_unreachable() throws Exception {
    host = CniHost.start("etcd", dir);
    // Nothing listens on port 1 of loopback: connections are refused at once.
    ObjectNode plugin = host.mainPlugin().put("etcd_endpoints", "http://127.0.0.1:1");

    CniCall.Result status = status(config(plugin));

    assertThat(status.status()).as("STATUS: %s", status).isNotZero();
    assertThat(status.code()).as("STATUS: %s", status).isEqualTo(50);
    assertThat(status.msg()).containsIgnoringCase("etcd");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void status_is_not_ready_while_the_only_pool_is_full_and_ready_again_once_an_address_is_free(String datastore)
      throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(TINY_POOL, 30);
    ObjectNode ipam = CniHost.object();
    ipam.putArray("ipv4_pools").add(TINY_POOL);
    String config = config(host.mainPlugin(ipam));
    NetnsContainer container = host.container();
    Path ipamPlugin = host.plugin().resolveSibling("calico-mesos-ipam");

    // Fills the pool through the IPAM plugin alone: it only assigns, so one namespace serves every request.
    List<String> holders = new ArrayList<>();
    CniCall.Result refused = null;
    for (int n = 0; n < 8 && refused == null; n++) {
      String id = "filler-" + n;
      CniCall.Result added = CniCall.of(ipamPlugin, "ADD").containerId(id).netns(CniHost.netns(container))
          .ifname("eth0").path(host.cniPath()).withConfig(config);
      if (added.status() == 0) {
        holders.add(id);
      } else {
        refused = added;
      }
    }
    assertThat(refused).as("an ADD refused once the /30 is full").isNotNull();
    assertThat(refused.code()).as("exhausted: %s", refused).isGreaterThanOrEqualTo(100);
    assertThat(refused.msg()).contains(TINY_POOL);
    assertThat(holders).isNotEmpty().hasSizeLessThanOrEqualTo(4);

    CniCall.Result full = status(config);
    assertThat(full.status()).as("STATUS: %s", full).isNotZero();
    assertThat(full.code()).as("STATUS: %s", full).isEqualTo(50);
    assertThat(full.msg()).contains(TINY_POOL);

    for (String id : holders) {
      CniCall.Result deleted = CniCall.of(ipamPlugin, "DEL").containerId(id).ifname("eth0").path(host.cniPath())
          .withConfig(config);
      assertThat(deleted.status()).as("DEL %s: %s", id, deleted).isZero();
    }
    CniCall.Result ready = status(config);
    assertThat(ready.status()).as("STATUS once addresses are free: %s", ready).isZero();
    host.assertNothingHeld();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void gc_frees_the_attachments_the_runtime_no_longer_names_and_keeps_the_one_it_does(String datastore)
      throws Exception {
    host = CniHost.start(datastore, dir);
    host.addPool(POOL, 28);
    // cnitool's libcni reads results up to 1.0.0; GC is a 1.1.0 verb, so only its configuration says 1.1.0.
    host.install(host.network(NETWORK, "1.0.0", host.mainPlugin()));
    NetnsContainer kept = host.container();
    NetnsContainer stale = host.container();
    String keptAddress = host.add(NETWORK, kept, "eth0").get("ips").get(0).get("address").asText();
    host.add(NETWORK, stale, "eth0");
    String staleHostEnd = CniHost.hostInterface(NETWORK, stale, "eth0");
    assertThat(CniHost.linkExists(staleHostEnd)).isTrue();

    ObjectNode gc = host.network(NETWORK, "1.1.0", host.mainPlugin());
    gc.putArray("cni.dev/valid-attachments").addObject()
        .put("containerID", CniHost.cnitoolContainerId(CniHost.netns(kept))).put("ifname", "eth0");
    CniCall.Result collected = CniCall.of(host.plugin(), "GC").path(host.cniPath()).withConfig(gc.toString());

    assertThat(collected.status()).as("GC: %s", collected).isZero();
    assertThat(CniHost.linkExists(staleHostEnd)).as("the stale attachment's host end").isFalse();
    assertThat(stale.attempt("ip", "link", "show", "dev", "eth0").succeeded()).as("eth0 in the stale container")
        .isFalse();
    assertThat(host.addressesInUse()).isEqualTo(1);
    JsonNode endpoints = host.endpoints();
    assertThat(endpoints.findValuesAsText("container_id"))
        .containsExactly(CniHost.cnitoolContainerId(CniHost.netns(kept)));
    assertThat(CniHost.addressesInside(kept, "eth0")).containsExactly(keptAddress);
    assertThat(CniHost.linkExists(CniHost.hostInterface(NETWORK, kept, "eth0"))).isTrue();
    JsonNode check = host.admin("ipam", "check");
    assertThat(check.get("problems")).as("ipam check after GC: %s", check).isEmpty();
    CniCall.Result stillThere = host.cnitool("check", NETWORK, kept, "eth0");
    assertThat(stillThere.status()).as("cnitool check of the kept attachment: %s", stillThere).isZero();

    // The runtime's own DEL of what GC already freed must still succeed.
    host.del(NETWORK, stale, "eth0");
    host.del(NETWORK, kept, "eth0");
    host.assertNothingHeld();
  }

  /** {@code conf} as the 1.1.0 network configuration STATUS and GC get. */
  private String config(ObjectNode plugin) {
    return host.network(NETWORK, "1.1.0", plugin).toString();
  }

  /** STATUS as the spec has a runtime call it: only CNI_COMMAND and CNI_PATH. */
  private CniCall.Result status(String config) {
    return CniCall.of(host.plugin(), "STATUS").path(host.cniPath()).withConfig(config);
  }
}
