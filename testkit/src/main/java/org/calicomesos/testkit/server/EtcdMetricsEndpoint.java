package org.calicomesos.testkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an etcd member says about itself on its plaintext metrics listener ({@code --listen-metrics-urls}): whether
 * it is healthy (it has a leader and answers) and whether it is the leader. Plaintext and loopback whatever the
 * client listener serves, so the tests read it the same way for every etcd they start.
 */
final class EtcdMetricsEndpoint {
  private final int port;

  EtcdMetricsEndpoint(int port) {
    this.port = port;
  }

  boolean healthy() {
    return get("/health").map(body -> body.contains("\"health\":\"true\"")).orElse(false);
  }

  /** The gauge {@code etcd_server_is_leader}, which the member sets when it wins an election and clears when it steps down. */
  boolean leader() {
    return get("/metrics").map(body -> body.lines().anyMatch(line -> line.equals("etcd_server_is_leader 1")))
        .orElse(false);
  }

  private Optional<String> get(String path) {
    try {
      HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try (InputStream body = connection.getInputStream()) {
        return Optional.of(new String(body.readAllBytes(), StandardCharsets.UTF_8));
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
