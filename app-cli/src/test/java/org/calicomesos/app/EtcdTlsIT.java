package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin on an etcd that serves TLS and requires a client certificate (a CA and certificates made by
 * openssl for the test): it works with the right files and fails in one clear line without them.
 */
class EtcdTlsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path certificatesDir;
  private static TestCertificates certificates;
  private static EtcdServer etcd;

  @TempDir Path dir;

  @BeforeAll
  static void startEtcd() {
    certificates = TestCertificates.generate(certificatesDir);
    etcd = EtcdServer.startWithTls(certificates);
  }

  @AfterAll
  static void stopEtcd() {
    etcd.close();
  }

  @Test
  void the_right_files_work_and_no_secret_reaches_the_log() throws Exception {
    Map<String, String> env = environment();
    env.put("CALICO_LOG_LEVEL", "debug");

    JsonNode response = allocate(env, "tls-1");

    assertThat(response.get("error").isNull()).as(response.toString()).isTrue();
    String log = Files.readString(dir.resolve("isolator.log"));
    assertThat(log).doesNotContain(Files.readString(certificates.clientKey()).lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void a_wrong_ca_fails_in_one_clear_line() throws Exception {
    Map<String, String> env = environment();
    env.put("ETCD_CA_CERT_FILE", certificates.otherCaCertificate().toString());

    String error = allocate(env, "tls-2").get("error").asText();

    assertThat(error).startsWith("cannot reach etcd at " + etcd.clientUrl() + ": ").endsWith("TLS handshake failed: etcd's certificate is not signed by a trusted CA (ETCD_CA_CERT_FILE)");
    System.out.println("wrong CA: " + error);
  }

  @Test
  void a_missing_client_certificate_fails_in_one_clear_line() throws Exception {
    Map<String, String> env = environment();
    env.remove("ETCD_CERT_FILE");
    env.remove("ETCD_KEY_FILE");

    String error = allocate(env, "tls-3").get("error").asText();

    assertThat(error).startsWith("cannot reach etcd at " + etcd.clientUrl() + ": ").contains("TLS handshake failed")
        .doesNotContain("\n");
    System.out.println("no client certificate: " + error);
  }

  @Test
  void an_unreadable_key_file_is_named() throws Exception {
    Map<String, String> env = environment();
    env.put("ETCD_KEY_FILE", dir.resolve("missing-key.pem").toString());

    assertThat(allocate(env, "tls-4").get("error").asText())
        .isEqualTo("ETCD_KEY_FILE '" + dir.resolve("missing-key.pem") + "' is not a file");
  }

  private JsonNode allocate(Map<String, String> env, String uid) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env,
        "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\"" + uid + "\",\"num_ipv4\":1,\"num_ipv6\":0}}");
    assertThat(run.stdout().strip()).doesNotContain("\n");
    return JSON.readTree(run.stdout());
  }

  private Map<String, String> environment() {
    return new HashMap<>(Map.of("ETCD_ENDPOINTS", etcd.clientUrl(),
        "ETCD_CA_CERT_FILE", certificates.caCertificate().toString(),
        "ETCD_CERT_FILE", certificates.clientCertificate().toString(),
        "ETCD_KEY_FILE", certificates.clientKey().toString(),
        "CALICO_NODENAME", "agent", "CALICO_LOG_FILE", dir.resolve("isolator.log").toString()));
  }
}
