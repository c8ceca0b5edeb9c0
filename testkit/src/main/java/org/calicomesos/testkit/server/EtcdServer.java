package org.calicomesos.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real single-member etcd (Debian's {@code etcd-server}, 3.4) on free loopback ports with its data in
 * a temporary directory, for tests; optionally serving TLS with a required client certificate. Ready
 * once its plaintext metrics listener reports it healthy (it has elected itself leader).
 */
public final class EtcdServer implements AutoCloseable {
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  private final ServerProcess process;
  private final String clientUrl;

  private EtcdServer(ServerProcess process, String clientUrl) {
    this.process = process;
    this.clientUrl = clientUrl;
  }

  /** A plaintext etcd. */
  public static EtcdServer start() {
    return start(Optional.empty(), "127.0.0.1");
  }

  /**
   * A plaintext etcd whose clients reach it at {@code address} (one of this machine's, e.g. a test bridge's, so
   * that processes in other network namespaces can reach it); its peer and metrics listeners stay on loopback.
   */
  public static EtcdServer startListeningOn(String address) {
    return start(Optional.empty(), address);
  }

  /** An etcd that serves TLS with the server certificate and requires a client certificate signed by the CA. */
  public static EtcdServer startWithTls(TestCertificates certificates) {
    return start(Optional.of(certificates), "127.0.0.1");
  }

  private static EtcdServer start(Optional<TestCertificates> tls, String clientAddress) {
    int[] ports = FreePorts.take(3);
    String scheme = tls.isPresent() ? "https" : "http";
    // A port free on loopback is, in practice, free on the test's own address too: nothing else listens there.
    String client = scheme + "://" + clientAddress + ":" + ports[0];
    String peer = "http://127.0.0.1:" + ports[1];
    Path directory;
    try {
      directory = Files.createTempDirectory("etcd-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("failed to create a directory for etcd", e);
    }
    List<String> command = new ArrayList<>(List.of("etcd", "--name", "test",
        "--data-dir", directory.resolve("data").toString(),
        "--listen-client-urls", client, "--advertise-client-urls", client,
        "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
        "--initial-cluster", "test=" + peer, "--initial-cluster-state", "new",
        "--listen-metrics-urls", "http://127.0.0.1:" + ports[2],
        "--logger", "zap", "--log-level", "warn"));
    tls.ifPresent(certificates -> command.addAll(List.of(
        "--cert-file", certificates.serverCertificate().toString(),
        "--key-file", certificates.serverKey().toString(),
        "--trusted-ca-file", certificates.caCertificate().toString(),
        "--client-cert-auth")));
    EtcdMetricsEndpoint metrics = new EtcdMetricsEndpoint(ports[2]);
    ServerProcess process = ServerProcess.start("etcd", command, directory, metrics::healthy, READY_WITHIN);
    return new EtcdServer(process, client);
  }

  /** The URL clients use, such as {@code http://127.0.0.1:40123}. */
  public String clientUrl() {
    return clientUrl;
  }

  public ServerProcess process() {
    return process;
  }

  /** SIGKILL, as a crash would. */
  public void kill() {
    process.kill();
  }

  /** Starts it again on the same data directory and ports; waits until it is healthy. */
  public void restart() {
    process.restart();
  }

  @Override
  public void close() {
    process.close();
  }
}
