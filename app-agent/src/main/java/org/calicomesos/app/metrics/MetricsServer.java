package org.calicomesos.app.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.calicomesos.app.config.MetricsSettings;

/**
 * Serves a registry at {@code /metrics} over plain HTTP, with the Prometheus client's own server (the JDK's
 * {@code com.sun.net.httpserver} underneath; a GET of {@code /} answers too).
 */
public final class MetricsServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MetricsServer.class.getName());

  private final HTTPServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private MetricsServer(HTTPServer server) {
    this.server = server;
  }

  /**
   * Binds {@code address} (port 0: any free port) and serves until closed.
   *
   * @throws IOException when the address cannot be bound (the port is taken, or the address is not this host's)
   */
  public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry) throws IOException {
    return new MetricsServer(HTTPServer.builder().inetAddress(address.getAddress()).port(address.getPort())
        .registry(registry).buildAndStart());
  }

  /**
   * Serves as {@code settings} say, or says in the log why not: metrics are off, or the address cannot be bound.
   * Never fails: the agent's policy matters more than its metrics, so it runs on without them.
   */
  public static Optional<MetricsServer> startAsConfigured(MetricsSettings settings, PrometheusRegistry registry) {
    if (settings.endpoint().isEmpty()) {
      LOG.log(Level.INFO, "metrics off");
      return Optional.empty();
    }
    try {
      MetricsServer server = start(settings.endpoint().get(), registry);
      LOG.log(Level.INFO, "serving metrics at {0}", settings.describe());
      return Optional.of(server);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.ERROR, "cannot serve metrics at {0}: {1}; the agent runs on without them (set"
          + " CALICO_METRICS_PORT to a free port, or to off)", settings.describe(), String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  /** The port it listens on (the one chosen, when started on port 0). */
  public int port() {
    return server.getPort();
  }

  /** Stops listening; idempotent, callable from any thread (a shutdown hook). */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
    }
  }
}
