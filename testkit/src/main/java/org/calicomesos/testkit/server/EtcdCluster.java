package org.calicomesos.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A real three-member etcd cluster (Debian's {@code etcd-server}, 3.4) for failover tests: each member on free
 * ports with its data in a temporary directory of its own, peers on loopback, clients on the address the test
 * names (loopback, or a test bridge's so that processes in other network namespaces reach it). A member can be
 * SIGKILLed, as a crash would, and started again on its data directory; the leader is read from each member's
 * metrics. {@link #close} stops every member and deletes their directories, also when starting failed half way.
 */
public final class EtcdCluster implements AutoCloseable {
  public static final int SIZE = 3;
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  private final List<Member> members = new ArrayList<>();

  private EtcdCluster() {}

  /** Three members on plaintext loopback. */
  public static EtcdCluster start() {
    return startListeningOn("127.0.0.1");
  }

  /** Three members whose clients reach them at {@code clientAddress}; waits until every member is healthy. */
  public static EtcdCluster startListeningOn(String clientAddress) {
    EtcdCluster cluster = new EtcdCluster();
    try {
      cluster.launch(clientAddress);
      cluster.await(cluster::allHealthy, "every member healthy");
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Every member's client URL, comma-separated, as {@code ETCD_ENDPOINTS} takes them. */
  public String endpoints() {
    return members.stream().map(Member::clientUrl).collect(Collectors.joining(","));
  }

  public String clientUrl(int member) {
    return members.get(member).clientUrl();
  }

  public boolean running(int member) {
    return members.get(member).process().isAlive();
  }

  /** The member that is leader now, if one running member says it is. */
  public Optional<Integer> leader() {
    for (int m = 0; m < members.size(); m++) {
      if (running(m) && members.get(m).metrics().leader()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Waits until a running member other than {@code not} leads (pass -1 for any); that member. */
  public int awaitLeaderOtherThan(int not) {
    await(() -> leader().filter(m -> m != not).isPresent(), "a leader other than member " + not);
    return leader().orElseThrow();
  }

  /** SIGKILL member {@code member}, as a crash would. */
  public void kill(int member) {
    members.get(member).process().kill();
  }

  /** Starts a killed member again on its data directory and ports; waits until it is healthy (has rejoined). */
  public void restart(int member) {
    members.get(member).process().restart();
    await(members.get(member).metrics()::healthy, "member " + member + " healthy again");
  }

  public Path log(int member) {
    return members.get(member).process().log();
  }

  @Override
  public void close() {
    members.forEach(member -> member.process().close());
  }

  private void launch(String clientAddress) {
    int[] ports = FreePorts.take(3 * SIZE);
    List<String> peers = new ArrayList<>();
    for (int m = 0; m < SIZE; m++) {
      peers.add(name(m) + "=http://127.0.0.1:" + ports[3 * m + 1]);
    }
    String token = "calico-mesos-test-" + UUID.randomUUID();
    for (int m = 0; m < SIZE; m++) {
      String client = "http://" + clientAddress + ":" + ports[3 * m];
      String peer = "http://127.0.0.1:" + ports[3 * m + 1];
      int metricsPort = ports[3 * m + 2];
      Path directory = temporaryDirectory(name(m));
      List<String> command = List.of("etcd", "--name", name(m),
          "--data-dir", directory.resolve("data").toString(),
          "--listen-client-urls", client, "--advertise-client-urls", client,
          "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
          "--initial-cluster", String.join(",", peers), "--initial-cluster-state", "new",
          "--initial-cluster-token", token,
          "--listen-metrics-urls", "http://127.0.0.1:" + metricsPort,
          "--logger", "zap", "--log-level", "warn");
      // A member is healthy only once a quorum has elected a leader, which needs the others started: each start
      // waits only for the member's own listener, and the cluster for all of them together.
      ServerProcess process = ServerProcess.start("etcd-" + name(m), command, directory,
          () -> ServerProcess.acceptsConnections(metricsPort), READY_WITHIN);
      members.add(new Member(client, new EtcdMetricsEndpoint(metricsPort), process));
    }
  }

  private boolean allHealthy() {
    return members.stream().allMatch(member -> member.metrics().healthy());
  }

  private void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("etcd cluster: no " + what + " within " + READY_WITHIN.toSeconds() + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  private static String name(int member) {
    return "member" + member;
  }

  private static Path temporaryDirectory(String name) {
    try {
      return Files.createTempDirectory("etcd-cluster-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("failed to create a directory for etcd " + name, e);
    }
  }

  private record Member(String clientUrl, EtcdMetricsEndpoint metrics, ServerProcess process) {}
}
