package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Many agent hosts at once through the real launcher: each host is a thread that runs one
 * {@code bin/calico-mesos} process after another with its own environment (its CALICO_NODENAME and the
 * datastore under test). Shared by the storm tests of every datastore.
 */
public final class LauncherStorm {
  public static final Path LAUNCHER = Path.of(System.getProperty("calico.repo", "..")).toAbsolutePath().normalize()
      .resolve("bin/calico-mesos");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path workingDirectory;
  private final IntFunction<Map<String, String>> environmentOfHost;

  /** @param environmentOfHost the launcher's environment for host number {@code h} */
  LauncherStorm(Path workingDirectory, IntFunction<Map<String, String>> environmentOfHost) {
    this.workingDirectory = workingDirectory;
    this.environmentOfHost = environmentOfHost;
  }

  /** Every host allocates {@code requests} times, each under a fresh uid; all must succeed. */
  Allocations allocate(int hosts, int requests, int addressesPerRequest) throws Exception {
    List<String> uids = Collections.synchronizedList(new ArrayList<>());
    List<String> addresses = Collections.synchronizedList(new ArrayList<>());
    inParallel(hosts, host -> {
      for (int r = 0; r < requests; r++) {
        String uid = "host" + host + "-request" + r;
        JsonNode response = plugin(host, "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent" + host
            + "\",\"uid\":\"" + uid + "\",\"num_ipv4\":" + addressesPerRequest + ",\"num_ipv6\":0}}");
        uids.add(uid);
        response.get("ipv4").forEach(ip -> addresses.add(ip.asText()));
      }
    });
    return new Allocations(List.copyOf(uids), List.copyOf(addresses));
  }

  /** Releases every uid by {@code release {uid}}, spread over the hosts; all must succeed. */
  void releaseAll(int hosts, List<String> uids) throws Exception {
    inParallel(hosts, host -> {
      for (int i = host; i < uids.size(); i += hosts) {
        plugin(host, "{\"command\":\"release\",\"args\":{\"uid\":\"" + uids.get(i) + "\"}}");
      }
    });
  }

  /** One net-modules request as host {@code host}; asserts it succeeded and returns the response. */
  JsonNode plugin(int host, String request) throws Exception {
    LauncherRun run = LauncherRun.of(LAUNCHER, workingDirectory, environmentOfHost.apply(host), request);
    assertThat(run.status()).as("request %s answered %s", request, run.stdout()).isZero();
    JsonNode response = JSON.readTree(run.stdout());
    assertThat(response.get("error").isNull()).isTrue();
    return response;
  }

  /** {@code calico-mesos ipam check --output json}, as host 0; the report, whatever its exit status. */
  JsonNode ipamCheck() throws Exception {
    LauncherRun run = LauncherRun.of(LAUNCHER, workingDirectory, environmentOfHost.apply(0), "", "ipam", "check",
        "--output", "json");
    assertThat(run.stdout()).as("ipam check printed nothing; stderr: %s", run.stderr()).isNotBlank();
    return JSON.readTree(run.stdout());
  }

  private static void inParallel(int hosts, HostWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(hosts);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int host = 0; host < hosts; host++) {
        int h = host;
        running.add(pool.submit(() -> {
          work.run(h);
          return null;
        }));
      }
      for (Future<Void> future : running) {
        future.get(15, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** What a storm's allocations handed out: every uid used and every address returned. */
  record Allocations(List<String> uids, List<String> addresses) {}

  /** The requests one simulated host makes. */
  private interface HostWork {
    void run(int host) throws Exception;
  }
}
