package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * etcd is killed (SIGKILL) while four hosts allocate through the launcher, and started again: every
 * request answers exactly one JSON object within CALICO_REQUEST_TIMEOUT (plus the JVM's own start), and
 * afterwards no address is assigned twice.
 */
class EtcdOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  /** The JVM's start and exit, outside the request's own clock, on a loaded two-core CI machine. */
  private static final Duration PROCESS_ALLOWANCE = Duration.ofMillis(3500);

  @TempDir Path dir;

  @Test
  void killed_etcd_gets_one_json_answer_per_request_in_time_and_no_duplicate_after_restart() throws Exception {
    try (EtcdServer etcd = EtcdServer.start()) {
      Map<String, String> base = Map.of("ETCD_ENDPOINTS", etcd.clientUrl(),
          "CALICO_PREFIX", "/outage-" + UUID.randomUUID().toString().substring(0, 8),
          "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
          "CALICO_REQUEST_TIMEOUT", String.valueOf(TIMEOUT.toSeconds()));
      assertThat(run(base, 0, "", "pool", "add", "10.80.0.0/24", "--block-size", "28").status()).isZero();
      List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();

      Thread driver = new Thread(() -> {
        try {
          EtcdStormIT.allAtOnce(4, host -> {
            while (!stop.get()) {
              String uid = "outage-" + host + "-" + UUID.randomUUID();
              long started = System.nanoTime();
              LauncherRun run = run(base, host, "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent" + host
                  + "\",\"uid\":\"" + uid + "\",\"num_ipv4\":1,\"num_ipv6\":0}}");
              answers.add(new Answer(run, Duration.ofNanos(System.nanoTime() - started)));
            }
          });
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "outage-driver");
      driver.start();
      awaitSuccesses(answers, 6);
      etcd.kill();
      int atKill = answers.size();
      Thread.sleep(TIMEOUT.toMillis() * 2);
      int duringOutage = answers.size() - atKill;
      etcd.restart();
      int atRestart = answers.size();
      while (successes(answers, atRestart) < 6) {
        Thread.sleep(100);
      }
      stop.set(true);
      driver.join(Duration.ofMinutes(2).toMillis());

      assertThat(duringOutage).as("requests answered while etcd was down").isPositive();
      List<String> addresses = new ArrayList<>();
      for (Answer answer : answers) {
        String stdout = answer.run().stdout();
        assertThat(stdout.strip()).as("one line: %s", stdout).doesNotContain("\n");
        JsonNode response = JSON.readTree(stdout);
        assertThat(response.isObject()).as(stdout).isTrue();
        assertThat(answer.took()).as("took %s: %s", answer.took(), stdout).isLessThan(TIMEOUT.plus(PROCESS_ALLOWANCE));
        if (response.get("error").isNull()) {
          addresses.add(response.get("ipv4").get(0).asText());
        } else {
          assertThat(response.get("error").asText()).as(stdout)
              .satisfiesAnyOf(e -> assertThat(e).startsWith("cannot reach etcd at " + etcd.clientUrl() + ": "),
                  e -> assertThat(e).contains("CALICO_REQUEST_TIMEOUT"));
        }
      }
      assertThat(new HashSet<>(addresses)).hasSameSizeAs(addresses);
      LauncherRun check = run(base, 0, "", "ipam", "check", "--output", "json");
      JsonNode report = JSON.readTree(check.stdout());
      assertThat(report.get("problems").findValuesAsText("kind")).doesNotContain("duplicate_address");
      System.out.printf("etcd outage: %d requests, %d while etcd was down, %d succeeded; slowest %d ms; ipam check: %s%n",
          answers.size(), duringOutage, addresses.size(),
          answers.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0), report.get("problems"));
    }
  }

  private LauncherRun run(Map<String, String> base, int host, String stdin, String... args) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(base);
    env.put("CALICO_NODENAME", "agent" + host);
    return LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, stdin, args);
  }

  private static void awaitSuccesses(List<Answer> answers, int count) throws InterruptedException {
    while (successes(answers, 0) < count) {
      Thread.sleep(100);
    }
  }

  private static long successes(List<Answer> answers, int from) {
    synchronized (answers) {
      return answers.subList(from, answers.size()).stream().filter(a -> a.run().stdout().contains("\"error\":null")).count();
    }
  }

  /** One request's run and how long the process took, start to exit. */
  private record Answer(LauncherRun run, Duration took) {}
}
