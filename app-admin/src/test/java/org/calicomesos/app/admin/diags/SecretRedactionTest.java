package org.calicomesos.app.admin.diags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRedactionTest {
  @TempDir Path dir;

  @Test
  void passwordTokenAndThePasswordInAnAddressAreRedacted() {
    SecretRedaction redaction = SecretRedaction.of(Map.of("ETCD_PASSWORD", "p4ss", "CONSUL_HTTP_TOKEN", "t0k3n-p4ss",
        "ETCD_ENDPOINTS", "https://root:s3cret@10.0.0.1:2379,https://10.0.0.2:2379", "ETCD_USERNAME", "root"));

    assertThat(redaction.apply("token t0k3n-p4ss, password p4ss, dialing https://root:s3cret@10.0.0.1:2379"))
        .isEqualTo("token <redacted>, password <redacted>, dialing https://root:<redacted>@10.0.0.1:2379");
  }

  @Test
  void aKeyFilesContentAndAnyPrivateKeyBlockAreRedacted() throws Exception {
    String body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    Path key = Files.writeString(dir.resolve("client.key"),
        "-----BEGIN PRIVATE KEY-----\n" + body + "\nAbC=\n-----END PRIVATE KEY-----\n");
    SecretRedaction redaction = SecretRedaction.of(Map.of("CONSUL_CLIENT_KEY", key.toString()));

    assertThat(redaction.apply("read " + body + " from the key")).isEqualTo("read <redacted> from the key");
    assertThat(redaction.apply("-----BEGIN EC PRIVATE KEY-----\nsomething\nelse\n-----END EC PRIVATE KEY-----"))
        .isEqualTo("-----BEGIN EC PRIVATE KEY-----\n<redacted>\n-----END EC PRIVATE KEY-----");
  }

  @Test
  void withoutCredentialsNothingChanges() {
    SecretRedaction redaction = SecretRedaction.of(Map.of("ETCD_PASSWORD", "", "ETCD_KEY_FILE", dir.resolve("none").toString()));

    assertThat(redaction.apply("10.0.0.1 dev cali0123456789a")).isEqualTo("10.0.0.1 dev cali0123456789a");
  }
}
