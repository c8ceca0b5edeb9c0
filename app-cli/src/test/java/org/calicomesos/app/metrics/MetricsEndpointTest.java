package org.calicomesos.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.adapters.memory.RecordingPolicyDataplane;
import org.calicomesos.app.agent.ObservedPolicyDataplane;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.wiring.SpokenProtocols;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.app.wiring.MemoryAppComponent;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.PoolService;
import org.calicomesos.core.policy.PolicySync;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.policy.PolicyApplyException;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's metrics end to end in this JVM: requests answered by the real endpoint and finished through
 * {@link RequestLog} (as any server of requests does), policy applied through {@link PolicySync} to an observed
 * dataplane, the registry served on a free loopback port, and {@code GET /metrics} read as a scraper would.
 */
class MetricsEndpointTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final IpamSettings IPAM = new IpamSettings(Addresses.parseCidr("v4", "192.168.0.0/16"),
      Addresses.parseCidr("v6", "fd80:24e2:f998:72d6::/64"));

  @TempDir
  Path dir;

  private MemoryAppComponent app;
  private MemoryKeyValueStore store;
  private AgentMetrics metrics;
  private MetricsServer server;

  @BeforeEach
  void startServing() throws IOException {
    app = MemoryAppComponent.create(dir.resolve("isolator.log"), Map.of());
    store = (MemoryKeyValueStore) app.store();
    metrics = new AgentMetrics(() -> new PoolService(store, KEYS, IPAM));
    RequestLog.observeWith(metrics);
    server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), metrics.registry());
  }

  @AfterEach
  void stopServing() {
    RequestLog.observeWith(null);
    server.close();
    app.openResources().close();
  }

  @Test
  void a_scrape_shows_requests_retries_policy_applies_datastore_errors_and_pool_usage() throws Exception {
    assertThat(request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a1\",\"uid\":\"u1\",\"num_ipv4\":1}}")).isNull();
    String block = store.list(KEYS.blockPrefix(IpFamily.V4)).entries().get(0).key();
    // Another host's allocation lands between our read of the block and our write: one lost compare-and-swap.
    store.beforeNextWrite(block, () -> request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a1\",\"uid\":\"u2\",\"num_ipv4\":1}}"));
    assertThat(request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a1\",\"uid\":\"u3\",\"num_ipv4\":1}}")).isNull();
    assertThat(request("{\"command\":\"teleport\",\"args\":{}}")).startsWith("unknown command 'teleport'");
    store.create(KEYS.handle(new HandleId("u4")), "not json");
    assertThat(request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"a1\",\"uid\":\"u4\",\"num_ipv4\":1}}"))
        .startsWith("cannot decode the value stored at");
    RecordingPolicyDataplane kernel = new RecordingPolicyDataplane();
    PolicySync sync = new PolicySync(store, KEYS, new EndpointSettings(new NodeName("a1"), 1500, Optional.empty()),
        new ObservedPolicyDataplane(kernel, metrics));
    kernel.failNextEnforce(new PolicyApplyException("nft: Could not process rule: No buffer space available"));
    assertThatThrownBy(sync::resync).isInstanceOf(PolicyApplyException.class);
    sync.resync();
    assertThat(kernel.inForce()).isPresent();

    Map<String, String> scraped = scrape();

    assertThat(scraped).containsEntry("calico_mesos_requests_total{command=\"allocate\",outcome=\"ok\"}", "3.0")
        .containsEntry("calico_mesos_requests_total{command=\"allocate\",outcome=\"error\"}", "1.0")
        .containsEntry("calico_mesos_requests_total{command=\"invalid\",outcome=\"error\"}", "1.0")
        .containsEntry("calico_mesos_request_duration_seconds_count{command=\"allocate\"}", "4")
        .containsEntry("calico_mesos_request_duration_seconds_bucket{command=\"allocate\",le=\"+Inf\"}", "4")
        .containsEntry("calico_mesos_ipam_cas_retries_total", "1.0")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"corrupt_value\",source=\"request\"}", "1.0")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"unavailable\",source=\"policy_loop\"}", "0.0")
        .containsEntry("calico_mesos_policy_applies_total{outcome=\"ok\"}", "1.0")
        .containsEntry("calico_mesos_policy_applies_total{outcome=\"error\"}", "1.0")
        .containsEntry("calico_mesos_policy_apply_duration_seconds_count", "2")
        .containsEntry("calico_mesos_pool_allocated_addresses{pool=\"192.168.0.0/16\"}", "3.0")
        .containsEntry("calico_mesos_pool_capacity_addresses{pool=\"192.168.0.0/16\"}", "65536.0")
        .containsEntry("calico_mesos_pool_capacity_addresses{pool=\"fd80:24e2:f998:72d6::/64\"}", "1.8446744073709552E19");
  }

  /** One request as the agent's server answers it: through the endpoint, then the request line. */
  private String request(String json) {
    RequestLog log = RequestLog.start();
    PluginResponse response = app.endpoint().handle(PluginRequest.of(SpokenProtocols.NET_MODULES, Map.of(), json.getBytes(StandardCharsets.UTF_8)), log,
        RequestGate.OPEN);
    log.finish(response.error());
    return response.error();
  }

  /** Every sample line of {@code GET /metrics}, series to value. */
  private Map<String, String> scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Samples.parse(response.body());
  }
}
