package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four launcher processes at a time, each as a different agent host (CALICO_NODENAME), allocate 2000
 * addresses between them on one SQLite store — starting from an empty store, so they also race to create
 * the default pools. Then the store must check clean, release by uid must free every address, and it
 * must check clean again.
 */
class LauncherConcurrencyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER = Path.of(System.getProperty("calico.repo", "..")).toAbsolutePath().normalize()
      .resolve("bin/calico-mesos");
  private static final int HOSTS = 4;
  private static final int REQUESTS_PER_HOST = 50;
  private static final int ADDRESSES_PER_REQUEST = 10;

  @TempDir
  Path dir;

  @Test
  void four_hosts_at_once_never_get_the_same_address_and_release_by_uid_frees_them_all() throws Exception {
    List<String> uids = Collections.synchronizedList(new ArrayList<>());
    List<String> addresses = Collections.synchronizedList(new ArrayList<>());
    inParallel(host -> {
      for (int r = 0; r < REQUESTS_PER_HOST; r++) {
        String uid = "host" + host + "-request" + r;
        JsonNode response = plugin(host, "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent" + host
            + "\",\"uid\":\"" + uid + "\",\"num_ipv4\":" + ADDRESSES_PER_REQUEST + ",\"num_ipv6\":0}}");
        uids.add(uid);
        response.get("ipv4").forEach(ip -> addresses.add(ip.asText()));
      }
    });

    assertThat(addresses).hasSize(HOSTS * REQUESTS_PER_HOST * ADDRESSES_PER_REQUEST);
    assertThat(new HashSet<>(addresses)).hasSameSizeAs(addresses);
    JsonNode check = ipamCheck();
    assertThat(check.get("problems")).isEmpty();
    assertThat(check.get("allocated").asLong()).isEqualTo(addresses.size());

    List<String> toRelease = List.copyOf(uids);
    inParallel(host -> {
      for (int i = host; i < toRelease.size(); i += HOSTS) {
        plugin(host, "{\"command\":\"release\",\"args\":{\"uid\":\"" + toRelease.get(i) + "\"}}");
      }
    });

    JsonNode after = ipamCheck();
    assertThat(after.get("problems")).isEmpty();
    assertThat(after.get("allocated").asLong()).isZero();
    assertThat(after.get("handles").asLong()).isZero();
  }

  private JsonNode plugin(int host, String request) throws Exception {
    LauncherRun run = LauncherRun.of(LAUNCHER, dir, environment(host), request);
    assertThat(run.status()).as("request %s answered %s", request, run.stdout()).isZero();
    JsonNode response = JSON.readTree(run.stdout());
    assertThat(response.get("error").isNull()).isTrue();
    return response;
  }

  private JsonNode ipamCheck() throws Exception {
    LauncherRun run = LauncherRun.of(LAUNCHER, dir, environment(0), "", "ipam", "check", "--output", "json");
    assertThat(run.status()).as("ipam check said %s %s", run.stdout(), run.stderr()).isZero();
    return JSON.readTree(run.stdout());
  }

  private Map<String, String> environment(int host) {
    return Map.of(
        "CALICO_SQLITE_PATH", dir.resolve("store.db").toString(),
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        "CALICO_NODENAME", "agent" + host);
  }

  private static void inParallel(HostWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(HOSTS);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int host = 0; host < HOSTS; host++) {
        int h = host;
        running.add(pool.submit(() -> {
          work.run(h);
          return null;
        }));
      }
      for (Future<Void> future : running) {
        future.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The requests one simulated host makes. */
  private interface HostWork {
    void run(int host) throws Exception;
  }
}
