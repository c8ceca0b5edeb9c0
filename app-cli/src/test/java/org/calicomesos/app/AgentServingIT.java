package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent serving plugin requests (docs/operations.md, "The agent serves plugin requests"), through
 * bin/calico-mesos on a real etcd with the netlink dataplane: who answers, what {@code status} says, a killed agent's
 * socket left behind, and the agent killed in the middle of 200 requests from 4 clients.
 */
class AgentServingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);

  @TempDir Path dir;

  private final List<AutoCloseable> made = Collections.synchronizedList(new ArrayList<>());
  private Map<String, String> env;

  @BeforeEach
  void configure() {
    env = new HashMap<>(Map.of(
        "CALICO_NODENAME", "serving-it-node",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        "CALICO_IPV4POOL_CIDR", "198.18.40.0/22",
        "CALICO_IPV6POOL_CIDR", "fd00:c0de:40::/120",
        "CALICO_AGENT_SOCKET", dir.resolve("agent.sock").toString(),
        "CALICO_METRICS_PORT", "off",
        "CALICO_REQUEST_TIMEOUT", "20"));
    LauncherDatastores.use("etcd", env, dir, etcd.server(), null);
  }

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    for (AutoCloseable thing : List.copyOf(made)) {
      thing.close();
    }
    KernelCommand.attempt("ip", "-4", "route", "flush", "root", "198.18.40.0/22", "type", "blackhole", "proto", "196");
    KernelCommand.attempt("ip", "-6", "route", "flush", "root", "fd00:c0de:40::/120", "type", "blackhole", "proto", "196");
  }

  @Test
  void statusNamesWhoAnswersAndASocketLeftByAKilledAgentFallsBackInProcess() throws Exception {
    AgentProcess agent = agent();
    assertThat(allocate("u-served")).isNotEmpty();

    LauncherRun status = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", "status", "--output", "json");
    JsonNode report = JSON.readTree(status.stdout());
    assertThat(status.status()).as(status.stdout() + status.stderr()).isZero();
    assertThat(report.at("/agent/serving").asBoolean()).isTrue();
    assertThat(report.at("/agent/node").asText()).isEqualTo("serving-it-node");
    assertThat(report.at("/agent/datastore").asText()).isEqualTo("etcd");
    assertThat(report.at("/agent/requests/allocate/ok").asLong()).isEqualTo(1);
    assertThat(report.at("/datastore/reachable").asBoolean()).isTrue();
    assertThat(report.get("problems")).isEmpty();
    assertThat(Files.readString(dir.resolve("isolator.log")))
        .contains("request command=allocate container=- uid=u-served hostname=agent outcome=ok");

    agent.kill();
    assertThat(dir.resolve("agent.sock")).exists(); // nobody removed it
    assertThat(allocate("u-in-process")).isNotEmpty();
    assertThat(Files.readString(dir.resolve("isolator.log")))
        .contains("the calico-mesos agent did not take this request on " + dir.resolve("agent.sock"))
        .contains("uid=u-in-process hostname=agent outcome=ok");
    LauncherRun down = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", "status", "--output", "json");
    JsonNode downReport = JSON.readTree(down.stdout());
    assertThat(down.status()).isEqualTo(1);
    assertThat(downReport.at("/agent/serving").asBoolean()).isFalse();
    assertThat(downReport.get("problems")).hasSize(1);
    assertThat(downReport.get("problems").get(0).asText()).startsWith("the agent does not serve plugin requests");

    // A new agent takes over the socket file the killed one left.
    agent();
    assertThat(allocate("u-served-again")).isNotEmpty();
    JsonNode again = JSON.readTree(LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", "status", "-o", "json").stdout());
    assertThat(again.at("/agent/requests/allocate/ok").asLong()).isEqualTo(1);
  }

  @Test
  void anAgentThatHangsUpBeforeTakingTheWholeRequestLeavesItToThePluginProcess() throws Exception {
    // A listener that accepts and closes at once stands for an agent stopping as the request arrives. The
    // request is bigger than a socket buffer, so the launcher learns of it while sending: nothing was done,
    // and the plugin process must answer it (whitespace keeps it valid JSON, under the 1 MiB limit).
    String padded = "{\"command\":\"allocate\"," + " ".repeat(600_000)
        + "\"args\":{\"hostname\":\"agent\",\"uid\":\"u-hung-up\",\"num_ipv4\":1,\"num_ipv6\":0}}";
    Path socketPath = dir.resolve("agent.sock");
    try (ServerSocketChannel hangingUp = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      hangingUp.bind(UnixDomainSocketAddress.of(socketPath));
      Thread closer = new Thread(() -> {
        try {
          while (true) {
            hangingUp.accept().close();
          }
        } catch (IOException e) {
          // the channel was closed: the test is over
        }
      });
      closer.setDaemon(true);
      closer.start();

      JsonNode response = request(padded);

      assertThat(response.get("error").isNull()).as(response.toString()).isTrue();
      assertThat(response.get("ipv4")).hasSize(1);
      assertThat(Files.readString(dir.resolve("isolator.log")))
          .contains("the calico-mesos agent did not take this request on " + socketPath)
          .contains("uid=u-hung-up hostname=agent outcome=ok");
    } finally {
      Files.deleteIfExists(socketPath);
    }
  }

  @Test
  void anAgentOlderThanTheLauncherLeavesTheRequestToThePluginProcess() throws Exception {
    // An agent not yet restarted after an upgrade reads the newer frame as malformed and answers its own error,
    // without the exit status line: it did nothing, so the plugin process answers instead.
    Path socketPath = dir.resolve("agent.sock");
    try (ServerSocketChannel older = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      older.bind(UnixDomainSocketAddress.of(socketPath));
      Thread answerer = new Thread(() -> {
        try (var connection = older.accept()) {
          connection.read(java.nio.ByteBuffer.allocate(64));
          connection.write(java.nio.ByteBuffer.wrap(("{\"error\":\"the calico-mesos agent cannot read this request:"
              + " expected a 'calico-mesos/1 plugin' or 'calico-mesos/1 status' header line\"}\n")
              .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
          // the channel was closed: the test is over
        }
      });
      answerer.setDaemon(true);
      answerer.start();

      JsonNode response = request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\"u-older\","
          + "\"num_ipv4\":1,\"num_ipv6\":0}}");

      assertThat(response.get("error").isNull()).as(response.toString()).isTrue();
      assertThat(Files.readString(dir.resolve("isolator.log")))
          .contains("the calico-mesos agent did not take this request on " + socketPath)
          .contains("uid=u-older hostname=agent outcome=ok");
    } finally {
      Files.deleteIfExists(socketPath);
    }
  }

  @Test
  void anAgentThatTakesTheRequestAndNeverAnswersOrHangsUpGetsOneErrorThatSaysRepeatingIsSafe() throws Exception {
    // Listeners that read the whole frame, as an agent does before it acts, then hang up or say nothing: the
    // request may have taken effect, so the launcher must not run it again in-process; it answers with one
    // error instead (after CALICO_REQUEST_TIMEOUT + 3 s for the silent one).
    env.put("CALICO_REQUEST_TIMEOUT", "1");
    String request = "{\"command\":\"release\",\"args\":{\"uid\":\"u-unanswered\"}}";
    Path socketPath = dir.resolve("agent.sock");
    for (boolean hangUp : new boolean[] {true, false}) {
      try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
        silent.bind(UnixDomainSocketAddress.of(socketPath));
        Thread reader = new Thread(() -> {
          try (var connection = silent.accept()) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(65536);
            while (connection.read(buffer.clear()) >= 0) {
              // until the client shuts down its side: the whole frame is in
            }
            if (!hangUp) {
              Thread.sleep(10_000);
            }
          } catch (IOException | InterruptedException e) {
            // the channel was closed: the test is over
          }
        });
        reader.setDaemon(true);
        reader.start();
        long started = System.nanoTime();

        JsonNode response = request(request);

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.get("error").asText())
            .startsWith("the calico-mesos agent on " + socketPath + (hangUp ? " closed the connection" : " did not answer within 4 s"))
            .endsWith("the request may or may not have taken effect, and repeating it is safe");
        if (!hangUp) {
          assertThat(tookMillis).as("waited CALICO_REQUEST_TIMEOUT + 3 s").isBetween(3_900L, 9_000L);
        }
        reader.interrupt();
      } finally {
        Files.deleteIfExists(socketPath);
      }
    }
    assertThat(dir.resolve("isolator.log")).doesNotExist(); // not answered in-process
  }

  @Test
  void theFirstRequestAfterAnEtcdOutageSucceedsAsInAFreshProcess() throws Exception {
    agent();
    assertThat(allocate("u-before")).isNotEmpty();

    etcd.server().kill();
    try {
      JsonNode during = request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\"u-during\","
          + "\"num_ipv4\":1,\"num_ipv6\":0}}");
      assertThat(during.get("error").asText()).startsWith("cannot reach etcd at");
      Thread.sleep(3_000); // long enough for a client that reconnects on its own to be backing off
    } finally {
      etcd.server().restart();
    }

    // The agent's client is not left waiting out a reconnect back-off: the very next request goes through.
    assertThat(allocate("u-after")).isNotEmpty();
    assertThat(allocate("u-after-2")).isNotEmpty();
  }

  @Test
  void killedAmidTwoHundredRequestsFromFourClientsEveryClientGetsOneAnswerAndNothingIsLost() throws Exception {
    AgentProcess[] agent = {agent()};
    int clients = 4;
    int containersPerClient = 25; // allocate + isolate each: 200 requests
    AtomicInteger done = new AtomicInteger();
    List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      work.add(pool.submit(() -> {
        for (int k = 0; k < containersPerClient; k++) {
          NetnsContainer container = NetnsContainer.start();
          made.add(container);
          Attempt attempt = new Attempt("c" + client + "-" + k + "-" + UUID.randomUUID(),
              new ContainerId(UUID.randomUUID().toString()), container);
          attempts.add(attempt);
          attempt.allocate = request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\""
              + attempt.uid + "\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\"prod\"]}}");
          done.incrementAndGet();
          if (attempt.allocate.get("error").isNull()) {
            attempt.address = attempt.allocate.get("ipv4").get(0).asText();
            attempt.isolate = request("{\"command\":\"isolate\",\"args\":{\"hostname\":\"agent\",\"container_id\":\""
                + attempt.container + "\",\"pid\":" + container.pid() + ",\"ipv4_addrs\":[\"" + attempt.address
                + "\"],\"netgroups\":[\"prod\"]}}");
          }
          done.incrementAndGet();
        }
        return null;
      }));
    }
    // Kill it once the clients are well under way, and bring it back a second later.
    Future<?> killer = pool.submit(() -> {
      while (done.get() < 60) {
        Thread.sleep(5);
      }
      agent[0].kill();
      Thread.sleep(1000);
      agent[0] = agent();
      return null;
    });
    for (Future<?> client : work) {
      client.get(10, TimeUnit.MINUTES);
    }
    killer.get(1, TimeUnit.MINUTES);
    pool.shutdown();

    // Every container that got a success is fully plumbed; no address went to two of them.
    Set<String> addresses = new HashSet<>();
    int plumbed = 0;
    for (Attempt attempt : attempts) {
      if (attempt.address != null) {
        assertThat(addresses.add(attempt.address)).as("address %s handed out twice", attempt.address).isTrue();
      }
      if (attempt.isolate != null && attempt.isolate.get("error").isNull()) {
        plumbed++;
        String hostEnd = EndpointId.of(attempt.container).hostInterfaceName();
        assertThat(KernelCommand.run("ip", "-o", "link", "show", "dev", hostEnd)).contains("state UP");
        assertThat(KernelCommand.run("ip", "-4", "route", "show", attempt.address + "/32")).contains("dev " + hostEnd);
        assertThat(attempt.namespace.run("ip", "-o", "-4", "addr", "show", "dev", "eth0"))
            .contains("inet " + attempt.address + "/32");
      }
    }
    assertThat(plumbed).as("most containers got their network").isGreaterThan(clients * containersPerClient * 3 / 4);
    // No address is held twice. What a kill can leave is what a killed plugin process leaves, and repeating
    // the request settles it (checked below): a kill between an allocate's two writes (the handle's count
    // first, then the block, as in Calico) leaves a handle counting an address its block does not hold; one
    // inside an isolate, a veth whose endpoint was never written.
    JsonNode check = admin("ipam", "check", "--output", "json");
    Set<String> failedIsolates = new HashSet<>();
    for (Attempt attempt : attempts) {
      if (attempt.isolate == null || !attempt.isolate.get("error").isNull()) {
        failedIsolates.add(EndpointId.of(attempt.container).hostInterfaceName());
      }
    }
    for (JsonNode problem : check.get("problems")) {
      switch (problem.get("kind").asText()) {
        case "handle_mismatch" -> assertThat(problem.get("detail").asText()).as(check.toString())
            .endsWith("but holds 0 there");
        case "orphan_interface" -> assertThat(failedIsolates).as(check.toString())
            .contains(problem.get("subject").asText());
        default -> throw new AssertionError("ipam check after the kill: " + check);
      }
    }

    // Repeating what may or may not have happened is safe: release every uid and clean up every container.
    for (Attempt attempt : attempts) {
      assertThat(request("{\"command\":\"cleanup\",\"args\":{\"hostname\":\"agent\",\"container_id\":\""
          + attempt.container + "\"}}").get("error").isNull()).isTrue();
      assertThat(request("{\"command\":\"release\",\"args\":{\"uid\":\"" + attempt.uid + "\"}}")
          .get("error").isNull()).isTrue();
    }
    JsonNode after = admin("ipam", "check", "--output", "json");
    assertThat(after.get("problems")).as(after.toString()).isEmpty();
    assertThat(after.get("allocated").asInt()).isZero();
  }

  private AgentProcess agent() throws Exception {
    AgentProcess agent = AgentProcess.startServingOnly(dir, env);
    made.add(agent);
    return agent;
  }

  private List<String> allocate(String uid) throws Exception {
    JsonNode response = request("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\"" + uid
        + "\",\"num_ipv4\":1,\"num_ipv6\":0}}");
    assertThat(response.get("error").isNull()).as(response.toString()).isTrue();
    List<String> addresses = new ArrayList<>();
    response.get("ipv4").forEach(ip -> addresses.add(ip.asText()));
    return addresses;
  }

  /** One plugin request; whatever happened, stdout is exactly one JSON object on one line. */
  private JsonNode request(String json) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, json);
    assertThat(run.stdout()).as("stderr: %s", run.stderr()).endsWith("}\n").hasLineCount(1);
    JsonNode response = JSON.readTree(run.stdout());
    assertThat(response.isObject() && response.has("error")).as(run.stdout()).isTrue();
    return response;
  }

  private JsonNode admin(String... args) throws Exception {
    return JSON.readTree(LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", args).stdout());
  }

  /** One container's allocate and isolate, and what came back. */
  private static final class Attempt {
    final String uid;
    final ContainerId container;
    final NetnsContainer namespace;
    volatile JsonNode allocate;
    volatile JsonNode isolate;
    volatile String address;

    Attempt(String uid, ContainerId container, NetnsContainer namespace) {
      this.uid = uid;
      this.container = container;
      this.namespace = namespace;
    }
  }
}
