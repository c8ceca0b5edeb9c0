package org.calicomesos.app.config;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the agent serves Prometheus metrics ({@code CALICO_METRICS_ADDRESS}, {@code CALICO_METRICS_PORT}); empty
 * when they are off. Read by {@link ConfigurationReader#metrics}, for the agent only: the plugin never serves them.
 */
public record MetricsSettings(Optional<InetSocketAddress> endpoint) {
  /**
   * Not 9091 (Prometheus' Pushgateway, and Calico Felix's own metrics), 9093/9094 (Alertmanager, Calico Typha and
   * kube-controllers), 9099 (Calico Felix's health port: a host moving from the original Calico-on-Mesos may still
   * run calico-node), 9100 (node exporter), 9105 (the Mesos exporter) or 9092 (Kafka).
   */
  public static final int DEFAULT_PORT = 9097;
  /** Loopback: metrics name pools and commands, so exposing them beyond the host is the operator's choice. */
  public static final String DEFAULT_ADDRESS = "127.0.0.1";
  public static final MetricsSettings OFF = new MetricsSettings(Optional.empty());

  public MetricsSettings {
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** {@code http://127.0.0.1:9097/metrics}, or {@code off}. */
  public String describe() {
    return endpoint.map(MetricsSettings::url).orElse("off");
  }

  private static String url(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return "http://" + (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort()
        + "/metrics";
  }
}
