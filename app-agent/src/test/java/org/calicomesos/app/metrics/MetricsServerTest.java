package org.calicomesos.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.calicomesos.app.config.MetricsSettings;
import org.junit.jupiter.api.Test;

/** Serving, not serving when off, and running on when the port is taken (the agent must keep its policy). */
class MetricsServerTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  @Test
  void a_taken_port_means_no_server_and_no_exception() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      MetricsSettings settings = new MetricsSettings(Optional.of(new InetSocketAddress("127.0.0.1", taken.getLocalPort())));

      assertThat(MetricsServer.startAsConfigured(settings, registry)).isEmpty();
    }
  }

  @Test
  void off_means_no_server() {
    assertThat(MetricsServer.startAsConfigured(MetricsSettings.OFF, registry)).isEmpty();
  }

  @Test
  void serves_until_closed_and_closing_twice_is_harmless() throws Exception {
    MetricsSettings settings = new MetricsSettings(Optional.of(new InetSocketAddress("127.0.0.1", 0)));
    MetricsServer server = MetricsServer.startAsConfigured(settings, registry).orElseThrow();
    URI metrics = URI.create("http://127.0.0.1:" + server.port() + "/metrics");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    assertThat(http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    server.close();
    server.close();
    try (ServerSocket again = new ServerSocket(server.port(), 1, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(server.port());
    }
  }
}
