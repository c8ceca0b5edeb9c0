package org.calicomesos.app;

import org.calicomesos.app.pipeline.RequestLog;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's log through bin/calico-mesos: one request line per request, JSON on request, never a secret. */
class LauncherLogIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER = LauncherStorm.LAUNCHER;
  private static final String REQUEST_LOGGER = "org.calicomesos.app.pipeline.RequestLog";
  private static final String MARKER = "s3cr3t-MARKER-5f1e";

  @TempDir
  Path dir;

  private Map<String, String> env;

  @BeforeEach
  void environment() {
    env = new HashMap<>(Map.of(
        "CALICO_DATASTORE", "sqlite",
        "CALICO_SQLITE_PATH", dir.resolve("state/store.db").toString(),
        "CALICO_LOG_FILE", dir.resolve("log/isolator.log").toString(),
        "CALICO_NODENAME", "it-node",
        "CALICO_LOG_FORMAT", "json"));
  }

  @Test
  void jsonLogHoldsOneRequestLinePerRequestAndStdoutOnlyTheResponse() throws Exception {
    LauncherRun allocate = LauncherRun.of(LAUNCHER, dir, env,
        "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u-1\",\"num_ipv4\":1,\"num_ipv6\":0,"
            + "\"labels\":[{\"key\":\"team\",\"value\":\"label-value-never-logged\"}]}}");
    LauncherRun release = LauncherRun.of(LAUNCHER, dir, env, "{\"command\":\"release\",\"args\":{\"uid\":\"u-1\"}}");
    LauncherRun malformed = LauncherRun.of(LAUNCHER, dir, env, "{\"command\":\"allocate\",\n\"args\":{\"uid\":\"x\u001b\"");

    assertThat(allocate.status()).as(allocate.stderr()).isZero();
    assertThat(JSON.readTree(allocate.stdout()).get("ipv4")).hasSize(1);
    assertThat(allocate.stdout()).matches("\\{\"ipv4\":\\[\"[0-9.]+\"\\],\"ipv6\":\\[\\],\"error\":null\\}\n");
    assertThat(release.stdout()).isEqualTo("{\"error\":null}\n");
    assertThat(malformed.status()).isEqualTo(1);
    String malformedError = JSON.readTree(malformed.stdout()).get("error").textValue();
    assertThat(malformed.stdout()).isEqualTo("{\"error\":\"" + malformedError.replace("\"", "\\\"") + "\"}\n");
    assertThat(allocate.stderr() + release.stderr() + malformed.stderr()).isEmpty();

    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("log/isolator.log"))) {
      lines.add(JSON.readTree(line)); // every line of the file is one JSON object
    }
    List<JsonNode> requests = lines.stream().filter(line -> line.get("logger").textValue().equals(REQUEST_LOGGER)).toList();
    assertThat(requests).hasSize(3);
    assertRequest(requests.get(0), "allocate", "u-1", "agent1", null);
    assertRequest(requests.get(1), "release", "u-1", null, null);
    assertRequest(requests.get(2), null, null, null, malformedError);
    assertThat(Files.readString(dir.resolve("log/isolator.log"))).doesNotContain("label-value-never-logged", "team");
  }

  private static void assertRequest(JsonNode line, String command, String uid, String hostname, String error) {
    List<String> names = new ArrayList<>();
    line.fieldNames().forEachRemaining(names::add);
    List<String> expected = new ArrayList<>(List.of("time", "level", "pid", "logger", "message", "command", "container",
        "uid", "hostname", "outcome", "duration_ms"));
    if (error != null) {
      expected.add("error");
    }
    assertThat(names).containsExactlyElementsOf(expected);
    assertThat(line.get("time").textValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(line.get("level").textValue()).isEqualTo("INFO");
    assertThat(line.get("message").textValue()).isEqualTo("request");
    assertThat(line.get("command").textValue()).isEqualTo(command);
    assertThat(line.get("container").isNull()).isTrue();
    assertThat(line.get("uid").textValue()).isEqualTo(uid);
    assertThat(line.get("hostname").textValue()).isEqualTo(hostname);
    assertThat(line.get("outcome").textValue()).isEqualTo(error == null ? "ok" : "error");
    assertThat(line.get("duration_ms").isIntegralNumber()).isTrue();
    assertThat(line.get("duration_ms").longValue()).isBetween(0L, 60_000L);
    if (error != null) {
      assertThat(line.get("error").textValue()).isEqualTo(error);
    }
  }

  static Stream<Map<String, String>> secretBearingDatastores() {
    return Stream.of(
        Map.of("CALICO_DATASTORE", "etcd", "ETCD_ENDPOINTS", "http://127.0.0.1:1", "ETCD_USERNAME", "calico",
            "ETCD_PASSWORD", MARKER),
        Map.of("CALICO_DATASTORE", "consul", "CONSUL_HTTP_ADDR", "127.0.0.1:1", "CONSUL_HTTP_TOKEN", MARKER));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("secretBearingDatastores")
  void aSecretNeverReachesTheLogStderrOrStdout(Map<String, String> datastore) throws Exception {
    for (String format : List.of("text", "json")) {
      env.putAll(datastore);
      env.put("CALICO_LOG_FORMAT", format);
      env.put("CALICO_LOG_LEVEL", "debug");
      env.put("CALICO_REQUEST_TIMEOUT", "1");

      LauncherRun run = LauncherRun.of(LAUNCHER, dir, env,
          "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent1\",\"uid\":\"u-1\",\"num_ipv4\":1,\"num_ipv6\":0}}");

      assertThat(run.status()).as(run.stdout() + run.stderr()).isEqualTo(1);
      assertThat(JSON.readTree(run.stdout()).get("error").textValue()).isNotBlank();
      assertThat(run.stdout()).doesNotContain(MARKER);
      assertThat(run.stderr()).doesNotContain(MARKER);
    }
    String log = Files.readString(dir.resolve("log/isolator.log"));
    assertThat(log).doesNotContain(MARKER).contains("credential variables set: ");
    assertThat(log.lines().filter(line -> line.contains("outcome=error") || line.contains("\"outcome\":\"error\"")))
        .hasSize(2);
    try (Stream<Path> files = Files.list(dir.resolve("log"))) {
      for (Path file : files.toList()) {
        assertThat(Files.readString(file)).doesNotContain(MARKER);
      }
    }
  }
}
