package org.calicomesos.adapters.etcd;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.model.Excerpt;

/**
 * Where etcd is and how to talk to it, read from the {@code ETCD_*} variables (docs/configuration.md, "etcd"). Every
 * error names its variable and never repeats a secret; a password is kept here and nowhere else.
 */
record EtcdSettings(List<URI> endpoints, Optional<EtcdTlsFiles> tls, Optional<String> username,
    Optional<String> password) {
  static final int DEFAULT_PORT = 2379;

  EtcdSettings {
    endpoints = List.copyOf(endpoints);
  }

  /** @throws DatastoreException naming the first variable that is missing, unreadable or malformed */
  static EtcdSettings fromEnvironment(Map<String, String> env) {
    Optional<EtcdTlsFiles> tls = EtcdTlsFiles.fromEnvironment(env);
    List<URI> endpoints = endpoints(env);
    boolean https = endpoints.get(0).getScheme().equals("https");
    if (tls.isPresent() && !https) {
      // Certificates were given, so the operator wants TLS: never fall back to plaintext.
      throw new DatastoreException(source(env) + " uses http://, but TLS is configured (" + tls.get().variables()
          + "); use https:// endpoints");
    }
    Optional<String> username = text(env, "ETCD_USERNAME");
    Optional<String> password = text(env, "ETCD_PASSWORD");
    if (username.isPresent() != password.isPresent()) {
      throw new DatastoreException((username.isPresent() ? "ETCD_USERNAME is set but ETCD_PASSWORD is not"
          : "ETCD_PASSWORD is set but ETCD_USERNAME is not") + "; set both or neither");
    }
    return new EtcdSettings(endpoints, tls, username, password);
  }

  /** Names the store for operators: "etcd at https://10.0.0.1:2379,https://10.0.0.2:2379"; no credentials. */
  String describe() {
    return "etcd at " + endpoints.stream().map(URI::toString).collect(Collectors.joining(","));
  }

  @Override
  public String toString() {
    // A record's toString would print the password.
    return describe() + (tls.isPresent() ? " with TLS" : "") + (username.isPresent() ? " as a user" : "");
  }

  private static List<URI> endpoints(Map<String, String> env) {
    Optional<String> listed = text(env, "ETCD_ENDPOINTS");
    if (listed.isPresent()) {
      List<URI> endpoints = new ArrayList<>();
      for (String item : listed.get().split(",", -1)) {
        endpoints.add(endpoint("ETCD_ENDPOINTS", item.trim()));
      }
      if (endpoints.stream().map(URI::getScheme).distinct().count() > 1) {
        throw new DatastoreException("ETCD_ENDPOINTS mixes http:// and https:// endpoints; use one scheme");
      }
      return endpoints;
    }
    Optional<String> authority = text(env, "ETCD_AUTHORITY");
    if (authority.isEmpty()) {
      throw new DatastoreException("etcd is chosen but neither ETCD_ENDPOINTS nor ETCD_AUTHORITY is set");
    }
    String scheme = text(env, "ETCD_SCHEME").orElse("http").toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new DatastoreException("ETCD_SCHEME '" + Excerpt.of(scheme) + "' is not http or https");
    }
    if (authority.get().contains("/") || authority.get().contains("@")) {
      throw new DatastoreException("ETCD_AUTHORITY must be host:port, such as 127.0.0.1:2379");
    }
    return List.of(endpoint("ETCD_AUTHORITY", scheme + "://" + authority.get().trim()));
  }

  private static URI endpoint(String variable, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw malformed(variable);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getUserInfo() != null) {
      // Do not echo the value: it holds credentials.
      throw new DatastoreException(variable + " must not hold credentials; use ETCD_USERNAME and ETCD_PASSWORD");
    }
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
        || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
        || uri.getQuery() != null || uri.getFragment() != null) {
      throw malformed(variable);
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    return URI.create(scheme + "://" + hostForUri(uri.getHost()) + ":" + port);
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static DatastoreException malformed(String variable) {
    return new DatastoreException(variable + " must list URLs such as https://10.0.0.1:2379, separated by commas");
  }

  private static String source(Map<String, String> env) {
    return text(env, "ETCD_ENDPOINTS").isPresent() ? "ETCD_ENDPOINTS" : "ETCD_SCHEME (http by default)";
  }

  static Optional<String> text(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
  }

  /** The readable file a variable names. */
  static Path readableFile(Map<String, String> env, String variable) {
    Path path = Path.of(env.get(variable).trim());
    if (!Files.isRegularFile(path)) {
      throw new DatastoreException(variable + " '" + Excerpt.of(path.toString()) + "' is not a file");
    }
    if (!Files.isReadable(path)) {
      throw new DatastoreException(
          "cannot read " + variable + " '" + Excerpt.of(path.toString()) + "': permission denied");
    }
    return path;
  }
}
