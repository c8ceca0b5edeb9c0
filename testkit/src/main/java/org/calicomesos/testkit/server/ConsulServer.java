package org.calicomesos.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code consul agent -dev} (in memory, one server) on free loopback ports — HTTP, serf LAN/WAN and
 * server RPC; DNS and gRPC off — in its own temporary directory, ready once it has elected itself leader.
 * {@link #withAcls()} starts one with ACLs on and default-deny, whose master token the test knows.
 */
public final class ConsulServer implements AutoCloseable {
  private static final Pattern SECRET_ID = Pattern.compile("\"SecretID\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final ServerProcess process;
  private final int httpPort;
  private final String masterToken;

  private ConsulServer(ServerProcess process, int httpPort, String masterToken) {
    this.process = process;
    this.httpPort = httpPort;
    this.masterToken = masterToken;
  }

  /** A dev agent without ACLs. */
  public static ConsulServer start() {
    return start(null);
  }

  /** A dev agent with ACLs enabled, default policy deny, and a known master token. */
  public static ConsulServer withAcls() {
    return start(UUID.randomUUID().toString());
  }

  private static ConsulServer start(String masterToken) {
    int[] ports = FreePorts.take(4);
    Path directory = temporaryDirectory();
    List<String> command = new ArrayList<>(List.of("consul", "agent", "-dev", "-node=calico-test",
        "-bind=127.0.0.1", "-client=127.0.0.1", "-advertise=127.0.0.1",
        "-http-port=" + ports[0], "-serf-lan-port=" + ports[1], "-serf-wan-port=" + ports[2],
        "-server-port=" + ports[3], "-dns-port=-1", "-grpc-port=-1"));
    if (masterToken != null) {
      Path config = directory.resolve("acl.hcl");
      write(config, "acl {\n  enabled = true\n  default_policy = \"deny\"\n  enable_token_persistence = false\n"
          + "  tokens {\n    master = \"" + masterToken + "\"\n    agent = \"" + masterToken + "\"\n  }\n}\n");
      command.add("-config-file=" + config);
    }
    int httpPort = ports[0];
    ServerProcess process = ServerProcess.start("consul", command, directory,
        () -> hasLeader(httpPort) && (masterToken == null || tokenWorks(httpPort, masterToken)),
        Duration.ofSeconds(30));
    return new ConsulServer(process, httpPort, masterToken);
  }

  /** {@code 127.0.0.1:port}, as {@code CONSUL_HTTP_ADDR} takes it. */
  public String address() {
    return "127.0.0.1:" + httpPort;
  }

  public ServerProcess process() {
    return process;
  }

  /** A new ACL token allowed to read and write every key under {@code consulKeyPrefix} ("calico/"). */
  public String createKeyWriteToken(String consulKeyPrefix) {
    if (masterToken == null) {
      throw new IllegalStateException("this Consul runs without ACLs");
    }
    String policy = "kv-" + UUID.randomUUID().toString().substring(0, 8);
    String rules = "key_prefix \\\"" + consulKeyPrefix + "\\\" { policy = \\\"write\\\" }";
    put("/v1/acl/policy", "{\"Name\":\"" + policy + "\",\"Rules\":\"" + rules + "\"}");
    Matcher secret = SECRET_ID.matcher(put("/v1/acl/token", "{\"Policies\":[{\"Name\":\"" + policy + "\"}]}"));
    if (!secret.find()) {
      throw new IllegalStateException("Consul created no token");
    }
    return secret.group(1);
  }

  @Override
  public void close() {
    process.close();
  }

  private String put(String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + path))
        .header("X-Consul-Token", masterToken).timeout(Duration.ofSeconds(10))
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Consul answered " + response.statusCode() + " to PUT " + path + ": "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to PUT " + path + " on Consul", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static boolean hasLeader(int port) {
    return get(port, "/v1/status/leader", null).map(body -> body.contains(":")).orElse(false);
  }

  private static boolean tokenWorks(int port, String token) {
    return get(port, "/v1/acl/token/self", token).isPresent();
  }

  private static Optional<String> get(int port, String path, String token) {
    if (!ServerProcess.acceptsConnections(port)) {
      return Optional.empty();
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(2));
    if (token != null) {
      request.header("X-Consul-Token", token);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("consul-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("failed to create a directory for Consul", e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + file, e);
    }
  }
}
