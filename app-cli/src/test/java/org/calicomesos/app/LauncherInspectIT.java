package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryDataplane;
import org.calicomesos.adapters.sqlite.SqliteKeyValueStore;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.IsolateService;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspection commands through bin/calico-mesos against a real SQLite store, read back as JSON. Addresses are
 * allocated by the plugin through the launcher; the endpoints and profiles are written by core's isolate service
 * in this JVM on the memory dataplane, so the kernel is never touched.
 */
class LauncherInspectIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DatastoreKeys KEYS = new DatastoreKeys(DatastoreKeys.DEFAULT_PREFIX);
  private static final NodeName HERE = new NodeName("it-node");
  private static final NodeName THERE = new NodeName("it-other");

  @TempDir
  Path dir;

  private List<IPAddress> web;

  @BeforeEach
  void recordTwoHosts() throws Exception {
    web = isolate(HERE, "10.0.0.5", "web-1", true, "prod", "public");
    isolate(THERE, "10.0.0.6", "batch-7", false, "dev");
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(storeFile())) {
      ContainerId old = new ContainerId("old-9");
      // Another writer's record this version cannot read: listed as unreadable, never fatal.
      store.create(KEYS.endpoint(HERE, old, EndpointId.of(old)), "{\"name\":\"cali1\"}");
    }
  }

  @Test
  void endpointListNamesEveryHostsEndpointsAndTheUnreadableOne() throws Exception {
    JsonNode endpoints = admin("endpoint", "list", "--output", "json").get("endpoints");

    assertThat(endpoints.findValuesAsText("container_id")).containsExactly("old-9", "web-1", "batch-7");
    assertThat(endpoints.get(0).get("unreadable").asText()).isEqualTo("field 'endpoint_id' is missing or not a string");
    JsonNode webEndpoint = endpoints.get(1);
    assertThat(webEndpoint.get("node").asText()).isEqualTo("it-node");
    assertThat(webEndpoint.get("ipv4_nets").get(0).asText()).isEqualTo(web.get(0).toCanonicalString() + "/32");
    assertThat(webEndpoint.get("ipv6_nets").get(0).asText()).isEqualTo(web.get(1).toCanonicalString() + "/128");
    assertThat(webEndpoint.get("profiles").toString()).isEqualTo("[\"default_it-node\",\"public\",\"prod\"]");
    assertThat(webEndpoint.get("state").asText()).isEqualTo("active");
    assertThat(admin("endpoint", "list", "--host", "it-other", "-o", "json").get("endpoints").findValuesAsText("container_id"))
        .containsExactly("batch-7");
  }

  @Test
  void endpointShowPrintsTheContainerInFullAndAnUnknownOneFails() throws Exception {
    JsonNode endpoint = admin("endpoint", "show", "web-1", "--output", "json").get("endpoints").get(0);

    assertThat(endpoint.get("endpoint_id").asText()).isEqualTo(EndpointId.of(new ContainerId("web-1")).value());
    assertThat(endpoint.get("interface").asText()).isEqualTo(EndpointId.of(new ContainerId("web-1")).hostInterfaceName());
    assertThat(endpoint.get("mac").asText()).matches("02(:[0-9a-f]{2}){5}");
    assertThat(endpoint.get("labels").toString()).isEqualTo("{\"app\":\"web-1\"}");
    assertThat(endpoint.get("handle_id").asText()).isEqualTo("uid-web-1");

    LauncherRun unknown = launcher("endpoint", "show", "nope", "--output", "json");
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.stdout()).isEmpty();
    assertThat(unknown.stderr()).isEqualTo("error: no endpoint of container nope is recorded on any host\n");
  }

  @Test
  void profileListAndShowReadTheProfilesIsolateWrote() throws Exception {
    JsonNode profiles = admin("profile", "list", "--output", "json").get("profiles");
    JsonNode prod = admin("profile", "show", "prod", "--output", "json");
    JsonNode host = admin("profile", "show", "default_it-node", "--output", "json");

    assertThat(profiles.findValuesAsText("name"))
        .containsExactly("default_it-node", "default_it-other", "dev", "prod", "public");
    assertThat(profiles.get(3).get("inbound_rule_count").asInt()).isEqualTo(1);
    assertThat(prod.get("tags").toString()).isEqualTo("[\"prod\"]");
    assertThat(prod.get("inbound_rules").get(0).get("source").get("tag").asText()).isEqualTo("prod");
    assertThat(host.get("inbound_rules").get(0).get("source").get("nets").get(0).asText()).isEqualTo("10.0.0.5/32");
    assertThat(host.get("outbound_rules").get(0).get("destination").get("nets").get(0).asText())
        .isEqualTo("10.0.0.5/32");
    assertThat(launcher("profile", "show", "nope").stderr()).isEqualTo("error: there is no profile nope\n");
  }

  @Test
  void nodeShowDescribesTheHostCalicoNodenameNames() throws Exception {
    JsonNode node = admin("node", "show", "--output", "json");

    assertThat(node.get("node").asText()).isEqualTo("it-node");
    assertThat(node.get("host_ip").asText()).isEqualTo("10.0.0.5");
    assertThat(node.get("endpoints").asInt()).as("web-1 and the unreadable old-9").isEqualTo(2);
    List<String> blocks = new ArrayList<>();
    node.get("affine_blocks").forEach(block -> blocks.add(block.asText()));
    assertThat(blocks).hasSize(2).first().asString().startsWith("192.168.").endsWith("/26");
    assertThat(Addresses.parseCidr("block", blocks.get(0)).contains(web.get(0))).isTrue();
  }

  /** Allocates through the plugin, then isolates in this JVM: records exactly as the plugin writes them. */
  private List<IPAddress> isolate(NodeName node, String hostIp, String container, boolean ipv6, String... netgroups)
      throws Exception {
    LauncherRun allocated = LauncherRun.of(LauncherStorm.LAUNCHER, dir, environment(node),
        "{\"command\":\"allocate\",\"args\":{\"hostname\":\"" + node + "\",\"uid\":\"uid-" + container
            + "\",\"num_ipv4\":1,\"num_ipv6\":" + (ipv6 ? 1 : 0) + "}}");
    assertThat(allocated.status()).as(allocated.stdout() + allocated.stderr()).isZero();
    JsonNode reply = JSON.readTree(allocated.stdout());
    List<IPAddress> addresses = new ArrayList<>();
    reply.get("ipv4").forEach(ip -> addresses.add(Addresses.parseAnyAddress("ipv4", ip.asText())));
    reply.get("ipv6").forEach(ip -> addresses.add(Addresses.parseAnyAddress("ipv6", ip.asText())));
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(storeFile())) {
      EndpointSettings settings = new EndpointSettings(node, 1500, Optional.of(Addresses.parseAnyAddress("host", hostIp)));
      new IsolateService(store, KEYS, new MemoryDataplane(), settings).isolate(new IsolateCommand(
          new ContainerId(container), new NetworkNamespace.OfProcess(4242), addresses,
          Arrays.stream(netgroups).map(Netgroup::new).toList(), Map.of("app", container)));
    }
    return addresses;
  }

  /** An admin command that must succeed with one JSON document on stdout and nothing on stderr. */
  private JsonNode admin(String... args) throws Exception {
    LauncherRun run = launcher(args);
    assertThat(run.status()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    return JSON.readTree(run.stdout());
  }

  private LauncherRun launcher(String... args) throws Exception {
    return LauncherRun.of(LauncherStorm.LAUNCHER, dir, environment(HERE), "", args);
  }

  private Map<String, String> environment(NodeName node) {
    return Map.of("CALICO_DATASTORE", "sqlite", "CALICO_SQLITE_PATH", storeFile().toString(),
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(), "CALICO_NODENAME", node.value());
  }

  private Path storeFile() {
    return dir.resolve("store.db");
  }
}
