package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.kv.DatastoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ETCD_* variables: endpoints in both spellings, TLS files checked up front, secrets never echoed. */
class EtcdSettingsTest {
  @TempDir Path dir;

  @Test
  void endpointsAreCommaSeparatedUrlsWithTheDefaultPort() {
    EtcdSettings settings = EtcdSettings.fromEnvironment(Map.of("ETCD_ENDPOINTS", "http://10.0.0.1:2379, http://etcd-b"));

    assertThat(settings.endpoints()).containsExactly(URI.create("http://10.0.0.1:2379"), URI.create("http://etcd-b:2379"));
    assertThat(settings.describe()).isEqualTo("etcd at http://10.0.0.1:2379,http://etcd-b:2379");
  }

  @Test
  void theLegacyAuthorityTakesItsSchemeFromEtcdSchemeOrHttp() {
    assertThat(EtcdSettings.fromEnvironment(Map.of("ETCD_AUTHORITY", "10.0.0.1:4001")).describe())
        .isEqualTo("etcd at http://10.0.0.1:4001");
    assertThat(EtcdSettings.fromEnvironment(Map.of("ETCD_AUTHORITY", "10.0.0.1:4001", "ETCD_SCHEME", "https"))
        .describe()).isEqualTo("etcd at https://10.0.0.1:4001");
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(Map.of("ETCD_AUTHORITY", "h:1", "ETCD_SCHEME", "ftp")))
        .hasMessage("ETCD_SCHEME 'ftp' is not http or https");
  }

  @Test
  void endpointsWinOverTheAuthority() {
    assertThat(EtcdSettings.fromEnvironment(Map.of("ETCD_ENDPOINTS", "http://a:1", "ETCD_AUTHORITY", "b:2")).describe())
        .isEqualTo("etcd at http://a:1");
  }

  @Test
  void malformedOrMissingEndpointsNameTheVariable() {
    for (String bad : List.of("10.0.0.1:2379", "grpc://a:1", "http://a:1/v3", "http://a:1,", "http://a:1?x=1")) {
      assertThatThrownBy(() -> EtcdSettings.fromEnvironment(Map.of("ETCD_ENDPOINTS", bad)))
          .as(bad).isInstanceOf(DatastoreException.class).hasMessageStartingWith("ETCD_ENDPOINTS must list URLs");
    }
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(Map.of("ETCD_ENDPOINTS", "http://a:1,https://b:2")))
        .hasMessageContaining("mixes http:// and https://");
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(Map.of()))
        .hasMessage("etcd is chosen but neither ETCD_ENDPOINTS nor ETCD_AUTHORITY is set");
  }

  @Test
  void credentialsInAnEndpointAreRefusedWithoutRepeatingThem() {
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(Map.of("ETCD_ENDPOINTS", "http://root:s3cret@a:1")))
        .hasMessage("ETCD_ENDPOINTS must not hold credentials; use ETCD_USERNAME and ETCD_PASSWORD")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }

  @Test
  void aUsernameNeedsItsPasswordAndNeitherIsEverPrinted() {
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(Map.of("ETCD_ENDPOINTS", "http://a:1", "ETCD_USERNAME", "root")))
        .hasMessage("ETCD_USERNAME is set but ETCD_PASSWORD is not; set both or neither");
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(Map.of("ETCD_ENDPOINTS", "http://a:1", "ETCD_PASSWORD", "s3cret")))
        .hasMessage("ETCD_PASSWORD is set but ETCD_USERNAME is not; set both or neither");
    EtcdSettings settings = EtcdSettings.fromEnvironment(
        Map.of("ETCD_ENDPOINTS", "http://a:1", "ETCD_USERNAME", "root", "ETCD_PASSWORD", "s3cret"));
    assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("root");
    assertThat(settings.describe()).doesNotContain("s3cret");
  }

  @Test
  void tlsFilesMustBeReadableAndCertificateAndKeyComeTogether() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
    Map<String, String> env = new HashMap<>(Map.of("ETCD_ENDPOINTS", "https://a:1"));

    env.put("ETCD_CA_CERT_FILE", dir.resolve("missing.pem").toString());
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(env))
        .hasMessage("ETCD_CA_CERT_FILE '" + dir.resolve("missing.pem") + "' is not a file");

    env.put("ETCD_CA_CERT_FILE", ca.toString());
    env.put("ETCD_CERT_FILE", ca.toString());
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(env))
        .hasMessage("ETCD_CERT_FILE is set but ETCD_KEY_FILE is not; a client certificate needs its key");

    env.remove("ETCD_CERT_FILE");
    env.put("ETCD_KEY_FILE", ca.toString());
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(env))
        .hasMessage("ETCD_KEY_FILE is set but ETCD_CERT_FILE is not; a client certificate needs its key");

    env.put("ETCD_CERT_FILE", dir.toString());
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(env))
        .hasMessage("ETCD_CERT_FILE '" + dir + "' is not a file");
  }

  @Test
  void tlsFilesWithHttpEndpointsAreAnErrorNotAPlaintextFallback() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "x");

    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(
        Map.of("ETCD_ENDPOINTS", "http://a:1", "ETCD_CA_CERT_FILE", ca.toString())))
        .hasMessage("ETCD_ENDPOINTS uses http://, but TLS is configured (ETCD_CA_CERT_FILE); use https:// endpoints");
    assertThatThrownBy(() -> EtcdSettings.fromEnvironment(
        Map.of("ETCD_AUTHORITY", "a:1", "ETCD_CA_CERT_FILE", ca.toString())))
        .hasMessageStartingWith("ETCD_SCHEME (http by default) uses http://");
    assertThat(EtcdSettings.fromEnvironment(Map.of("ETCD_AUTHORITY", "a:1", "ETCD_SCHEME", "https",
        "ETCD_CA_CERT_FILE", ca.toString())).tls()).isPresent();
  }
}
