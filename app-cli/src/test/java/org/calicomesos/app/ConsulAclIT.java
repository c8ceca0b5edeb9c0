package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.calicomesos.testkit.server.ConsulServer;
import org.calicomesos.testkit.server.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on Consul with ACLs on and default-deny: no token is a clear refusal, a token with key
 * write on the prefix works, and the token's text appears in no response, stderr or log. An unreachable
 * Consul is named in the one JSON error.
 */
class ConsulAclIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void without_a_token_the_plugin_says_so_and_with_a_key_write_token_it_works_and_never_shows_it() throws Exception {
    try (ConsulServer consul = ConsulServer.withAcls()) {
      String token = consul.createKeyWriteToken("calico/");
      Map<String, String> anonymous = Map.of("CONSUL_HTTP_ADDR", consul.address(),
          "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(), "CALICO_NODENAME", "agent0");
      Map<String, String> withToken = new java.util.HashMap<>(anonymous);
      withToken.put("CONSUL_HTTP_TOKEN", token);

      LauncherRun refused = allocate(anonymous, "u1");
      LauncherRun allowed = allocate(withToken, "u2");
      LauncherRun released = LauncherRun.of(LauncherStorm.LAUNCHER, dir, withToken,
          "{\"command\":\"release\",\"args\":{\"uid\":\"u2\"}}");

      assertThat(JSON.readTree(refused.stdout()).get("error").asText())
          .contains("lacks permission").contains("CONSUL_HTTP_TOKEN").contains("Consul at http://" + consul.address());
      JsonNode ok = JSON.readTree(allowed.stdout());
      assertThat(ok.get("error").isNull()).as(allowed.stdout()).isTrue();
      assertThat(ok.get("ipv4")).hasSize(1);
      assertThat(JSON.readTree(released.stdout()).get("error").isNull()).as(released.stdout()).isTrue();
      for (LauncherRun run : new LauncherRun[] {refused, allowed, released}) {
        assertThat(run.stdout() + run.stderr()).doesNotContain(token);
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(file)).as(file.toString()).doesNotContain(token);
        }
      }
    }
  }

  @Test
  void an_unreachable_consul_is_named_in_the_one_json_error_within_the_deadline() throws Exception {
    String address = "127.0.0.1:" + FreePorts.take(1)[0];
    long started = System.nanoTime();

    LauncherRun run = allocate(Map.of("CONSUL_HTTP_ADDR", address, "CALICO_REQUEST_TIMEOUT", "2",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(), "CALICO_NODENAME", "agent0"), "u1");

    assertThat(JSON.readTree(run.stdout()).get("error").asText())
        .startsWith("cannot reach Consul at http://" + address + ": ");
    assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
  }

  private LauncherRun allocate(Map<String, String> env, String uid) throws Exception {
    return LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent0\","
        + "\"uid\":\"" + uid + "\",\"num_ipv4\":1,\"num_ipv6\":0}}");
  }
}
