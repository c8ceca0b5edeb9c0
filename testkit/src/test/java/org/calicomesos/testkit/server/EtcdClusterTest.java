package org.calicomesos.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * What a failover test relies on: one leader among three members; after the leader is SIGKILLed another leads and
 * takes writes; the killed member, started again on its data directory, rejoins with everything written meanwhile.
 * Read and written through etcd's JSON gateway, so the launcher is checked without our own client.
 */
class EtcdClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_killed_leader_is_replaced_and_rejoins_with_the_writes_it_missed() throws IOException {
    try (EtcdCluster cluster = EtcdCluster.start()) {
      int first = cluster.awaitLeaderOtherThan(-1);
      put(cluster.clientUrl(first), "before", "1");

      cluster.kill(first);
      assertThat(cluster.running(first)).isFalse();
      int second = cluster.awaitLeaderOtherThan(first);
      put(cluster.clientUrl(second), "during", "2");

      cluster.restart(first);
      assertThat(cluster.running(first)).isTrue();
      // Serializable: the restarted member answers from its own data, so these prove it caught up.
      assertThat(localValue(cluster.clientUrl(first), "before")).isEqualTo("1");
      assertThat(localValue(cluster.clientUrl(first), "during")).isEqualTo("2");
      assertThat(cluster.leader()).isPresent();
      assertThat(cluster.endpoints().split(",")).hasSize(EtcdCluster.SIZE);
    }
  }

  private static void put(String clientUrl, String key, String value) throws IOException {
    post(clientUrl + "/v3/kv/put", JSON.createObjectNode().put("key", base64(key)).put("value", base64(value)));
  }

  private static String localValue(String clientUrl, String key) throws IOException {
    JsonNode range = post(clientUrl + "/v3/kv/range",
        JSON.createObjectNode().put("key", base64(key)).put("serializable", true));
    return new String(Base64.getDecoder().decode(range.path("kvs").path(0).path("value").asText()),
        StandardCharsets.UTF_8);
  }

  private static JsonNode post(String url, JsonNode body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(2000);
    connection.setReadTimeout(5000);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(JSON.writeValueAsBytes(body));
    }
    try (InputStream in = connection.getInputStream()) {
      return JSON.readTree(in);
    } finally {
      connection.disconnect();
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
