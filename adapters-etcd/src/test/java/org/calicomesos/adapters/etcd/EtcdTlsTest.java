package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etcd with a CA and a required client certificate (made by openssl in the test). */
class EtcdTlsTest {
  @TempDir static Path dir;
  private static TestCertificates certificates;
  private static EtcdServer etcd;

  @BeforeAll
  static void startEtcd() {
    certificates = TestCertificates.generate(dir);
    etcd = EtcdServer.startWithTls(certificates);
  }

  @AfterAll
  static void stopEtcd() {
    etcd.close();
  }

  @Test
  void theRightFilesWork() {
    try (EtcdKeyValueStore store = EtcdKeyValueStore.open(environment(), Duration.ofSeconds(5))) {
      KeyValueStoreContract.written(store.create("/tls/k", "1"));
      assertThat(store.get("/tls/k")).isPresent();
      assertThat(store.describe()).isEqualTo("etcd at " + etcd.clientUrl());
    }
  }

  @Test
  void aWrongCaFailsWithOneClearLine() {
    Map<String, String> env = environment();
    env.put("ETCD_CA_CERT_FILE", certificates.otherCaCertificate().toString());
    try (EtcdKeyValueStore store = EtcdKeyValueStore.open(env, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> store.get("/tls/k")).isInstanceOf(DatastoreUnavailableException.class)
          .hasMessageStartingWith("cannot reach etcd at " + etcd.clientUrl() + ": cannot read \"/tls/k\": TLS handshake failed: ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void aMissingClientCertificateFailsWithOneClearLine() {
    Map<String, String> env = environment();
    env.remove("ETCD_CERT_FILE");
    env.remove("ETCD_KEY_FILE");
    try (EtcdKeyValueStore store = EtcdKeyValueStore.open(env, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> store.get("/tls/k")).isInstanceOf(DatastoreUnavailableException.class)
          .hasMessageStartingWith("cannot reach etcd at " + etcd.clientUrl() + ": cannot read \"/tls/k\": ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void aKeyThatIsNotPemIsNamed() {
    Map<String, String> env = environment();
    env.put("ETCD_KEY_FILE", certificates.caCertificate().toString());
    assertThatThrownBy(() -> EtcdKeyValueStore.open(env, Duration.ofSeconds(5)))
        .hasMessageStartingWith("ETCD_CERT_FILE '" + certificates.clientCertificate() + "' or ETCD_KEY_FILE '"
            + certificates.caCertificate() + "' is not a usable PEM file: ");
  }

  private static Map<String, String> environment() {
    return new HashMap<>(Map.of("ETCD_ENDPOINTS", etcd.clientUrl(),
        "ETCD_CA_CERT_FILE", certificates.caCertificate().toString(),
        "ETCD_CERT_FILE", certificates.clientCertificate().toString(),
        "ETCD_KEY_FILE", certificates.clientKey().toString()));
  }
}
