package org.calicomesos.adapters.consul;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.kv.DatastoreException;

/**
 * Where Consul is and how to talk to it, in Consul's own terms ({@code CONSUL_HTTP_ADDR},
 * {@code CONSUL_HTTP_TOKEN}, {@code CONSUL_CACERT}, {@code CONSUL_CLIENT_CERT}, {@code CONSUL_CLIENT_KEY}).
 * {@link #toString()} never shows the token.
 *
 * @param address the base URL ({@code http://127.0.0.1:8500}); a bare {@code host:port} means http
 * @param requestTimeout the deadline of every call (CALICO_REQUEST_TIMEOUT)
 */
public record ConsulSettings(URI address, Optional<String> token, Optional<Path> caCert, Optional<Path> clientCert,
    Optional<Path> clientKey, Duration requestTimeout) {
  private static final String LOCAL_AGENT = "127.0.0.1:8500";

  public ConsulSettings {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(caCert, "caCert");
    Objects.requireNonNull(clientCert, "clientCert");
    Objects.requireNonNull(clientKey, "clientKey");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (clientCert.isPresent() != clientKey.isPresent()) {
      throw new DatastoreException("CONSUL_CLIENT_CERT and CONSUL_CLIENT_KEY must be set together");
    }
  }

  /** Plain HTTP, no token: a test's {@code consul agent -dev}. */
  public static ConsulSettings of(String address, Duration requestTimeout) {
    return new ConsulSettings(parseAddress(address), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), requestTimeout);
  }

  /**
   * From the {@code CONSUL_*} variables as given; blank ones count as unset. Without
   * {@code CONSUL_HTTP_ADDR}, the local agent at 127.0.0.1:8500, as every Consul tool assumes.
   */
  public static ConsulSettings fromEnvironment(Map<String, String> environment, Duration requestTimeout) {
    String address = text(environment, "CONSUL_HTTP_ADDR").orElse(LOCAL_AGENT);
    return new ConsulSettings(parseAddress(address), text(environment, "CONSUL_HTTP_TOKEN"),
        text(environment, "CONSUL_CACERT").map(Path::of), text(environment, "CONSUL_CLIENT_CERT").map(Path::of),
        text(environment, "CONSUL_CLIENT_KEY").map(Path::of), requestTimeout);
  }

  /** The same settings with an ACL token, sent as the {@code X-Consul-Token} header. */
  public ConsulSettings withToken(String secret) {
    return new ConsulSettings(address, Optional.of(secret), caCert, clientCert, clientKey, requestTimeout);
  }

  /** How operators name this store: "Consul at http://127.0.0.1:8500". */
  public String describe() {
    return "Consul at " + address;
  }

  @Override
  public String toString() {
    return describe() + (token.isPresent() ? " (with a token)" : "");
  }

  static URI parseAddress(String address) {
    String trimmed = address.trim();
    String url = trimmed.contains("://") ? trimmed : "http://" + trimmed;
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getUserInfo() != null || (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))
          || uri.getQuery() != null) {
        throw new IllegalArgumentException("expected host:port or http(s)://host:port");
      }
      int port = uri.getPort() == -1 ? 8500 : uri.getPort();
      return URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port);
    } catch (IllegalArgumentException e) {
      // The address is echoed only when it carries no user info (no password in an error message).
      String shown = trimmed.contains("@") ? "(an address with user info)" : "'" + trimmed + "'";
      throw new DatastoreException("CONSUL_HTTP_ADDR " + shown + " is not host:port or an http(s) URL: "
          + e.getMessage());
    }
  }

  private static Optional<String> text(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
  }
}
