package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent started as systemd starts it with packaging/systemd/calico-mesos-agent.socket ({@link ActivatedAgent}):
 * it serves the socket it is handed, never removes it, and requests made while it restarts wait in the socket's
 * queue for the next agent instead of starting JVMs of their own (docs/operations.md, "The agent serves plugin
 * requests"). Requests go through bin/calico-mesos, on a SQLite store.
 */
class AgentSocketActivationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BURST = 40;
  private static final Duration START = Duration.ofSeconds(60);
  private static final String FELL_BACK = "the calico-mesos agent did not take this request";

  @TempDir Path dir;

  private final List<AutoCloseable> made = new ArrayList<>();
  private final ExecutorService clients = Executors.newCachedThreadPool();
  private Map<String, String> env;
  private Path socket;

  @BeforeEach
  void configure() {
    socket = dir.resolve("sockact-agent.sock");
    env = new HashMap<>(Map.of(
        "CALICO_NODENAME", "sockact-node",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        "CALICO_IPV4POOL_CIDR", "198.18.52.0/24",
        "CALICO_AGENT_SOCKET", socket.toString(),
        "CALICO_METRICS_PORT", "off",
        // Roomy, for a loaded machine: the restart must not be what makes a request late.
        "CALICO_REQUEST_TIMEOUT", "20"));
    LauncherDatastores.use("sqlite", env, dir, null, null);
  }

  @AfterEach
  void stopEverything() throws Exception {
    // Every launcher ends by its deadline, or LauncherRun kills it: waited for, not interrupted, so that none is
    // left running; the agents after, so that no request falls back to a JVM of its own on the way.
    clients.shutdown();
    clients.awaitTermination(90, TimeUnit.SECONDS);
    Teardown.inOrder(made.toArray(AutoCloseable[]::new));
  }

  @Test
  void aBurstQueuedWhenTheAgentIsKilledIsAnsweredByTheNextAgentAndNothingFallsBack() throws Exception {
    ActivatedAgent agent = listen("--no-policy", "--no-routes");
    // The first connection starts the first agent, as the socket unit's does.
    assertThat(allocate("sockact-first").get("error").isNull()).isTrue();
    agent.awaitServing(1, START);
    assertThat(agent.log()).contains(ActivatedAgent.SERVING + " " + socket + " (socket from systemd)")
        .doesNotContain("CALICO_AGENT_SOCKET is");
    JsonNode status = status();
    assertThat(status.at("/agent/socket").asText()).isEqualTo(socket.toString());
    assertThat(status.at("/agent/socket_inherited").asBoolean()).isTrue();
    assertThat(LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", "status").stdout())
        .contains("serving on " + socket + " (socket from systemd), ");

    // Frozen, so that when the kill comes every request of the burst is in the socket's queue and none half
    // served: a request the agent had read when killed is lost as a killed plugin process's is (see the next test).
    long first = agent.agentPid(START);
    ActivatedAgent.signal(first, "STOP");
    List<Future<LauncherRun>> burst = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      String uid = "sockact-burst-" + i;
      burst.add(clients.submit(() -> LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, allocateRequest(uid))));
    }
    agent.awaitQueued(BURST, START);
    long killed = System.nanoTime();
    ActivatedAgent.signal(first, "KILL");
    agent.awaitServing(2, START);
    long backMillis = (System.nanoTime() - killed) / 1_000_000;

    Set<String> addresses = new HashSet<>();
    for (Future<LauncherRun> request : burst) {
      JsonNode answer = onlyAnswer(request.get(90, TimeUnit.SECONDS));
      assertThat(answer.get("error").isNull()).as(answer.toString()).isTrue();
      assertThat(addresses.add(answer.get("ipv4").get(0).asText())).as("handed out twice: " + answer).isTrue();
    }
    long answeredMillis = (System.nanoTime() - killed) / 1_000_000;
    assertThat(Files.readString(dir.resolve("isolator.log"))).doesNotContain(FELL_BACK);
    String secondAgent = agent.log().substring(agent.log().lastIndexOf(ActivatedAgent.SERVING));
    assertThat(LogText.count(secondAgent, "uid=sockact-burst-")).as(secondAgent).isEqualTo(BURST);
    JsonNode after = status();
    assertThat(after.at("/agent/pid").asLong()).isNotEqualTo(first);
    assertThat(after.at("/agent/requests/allocate/ok").asInt()).isEqualTo(BURST);
    System.out.printf("sockact: %d requests queued at the kill, all answered by the next agent; it served %d ms"
        + " after the kill (RestartSec %d s), the last answer came %d ms after it%n", BURST, backMillis,
        ActivatedAgent.RESTART_SEC.toSeconds(), answeredMillis);
  }

  @Test
  void killedWhileServingAStreamEveryRequestGetsOneAnswerAndNoneFallsBack() throws Exception {
    ActivatedAgent agent = listen("--no-policy", "--no-routes");
    assertThat(allocate("sockact-start").get("error").isNull()).isTrue();
    agent.awaitServing(1, START);
    int streams = 8;
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean more = new AtomicBoolean(true);
    List<Future<List<JsonNode>>> running = new ArrayList<>();
    for (int s = 0; s < streams; s++) {
      int stream = s;
      running.add(clients.submit(() -> {
        List<JsonNode> answers = new ArrayList<>();
        for (int r = 0; more.get(); r++) {
          answers.add(onlyAnswer(LauncherRun.of(LauncherStorm.LAUNCHER, dir, env,
              allocateRequest("sockact-stream-" + stream + "-" + r))));
          answered.incrementAndGet();
        }
        return answers;
      }));
    }
    awaitAtLeast(answered, 40);
    long killed = System.nanoTime();
    ActivatedAgent.signal(agent.agentPid(START), "KILL");
    agent.awaitServing(2, START);
    long backMillis = (System.nanoTime() - killed) / 1_000_000;
    awaitAtLeast(answered, answered.get() + 40);
    more.set(false);

    int total = 0;
    int lost = 0;
    for (Future<List<JsonNode>> stream : running) {
      for (JsonNode answer : stream.get(90, TimeUnit.SECONDS)) {
        total++;
        if (!answer.get("error").isNull()) {
          // Read by the agent when it was killed: it may have taken effect, so it is not sent again.
          assertThat(answer.get("error").asText()).startsWith("the calico-mesos agent on " + socket
              + " closed the connection without answering");
          lost++;
        }
      }
    }
    assertThat(lost).as("at most the requests the agent was serving").isLessThanOrEqualTo(streams);
    assertThat(Files.readString(dir.resolve("isolator.log"))).doesNotContain(FELL_BACK);
    System.out.printf("sockact: killed amid %d streams: %d requests, %d answered by an agent, %d lost in the"
        + " killed agent, none in-process; the next agent served %d ms after the kill%n", streams, total,
        total - lost, lost, backMillis);
  }

  @Test
  void stoppedBySigtermTheAgentLeavesSystemdsSocketAndTheNextAnswersWhatCameMeanwhile() throws Exception {
    ActivatedAgent agent = listen("--no-policy", "--no-routes");
    assertThat(allocate("sockact-before").get("error").isNull()).isTrue();
    agent.awaitServing(1, START);

    ProcessHandle first = ProcessHandle.of(agent.agentPid(START)).orElseThrow();
    first.destroy(); // as systemctl restart stops it
    first.onExit().get(30, TimeUnit.SECONDS);
    assertThat(Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).isOther())
        .as("the socket file stays").isTrue();
    List<Future<LauncherRun>> meanwhile = new ArrayList<>();
    for (int i = 0; i < BURST / 4; i++) {
      String uid = "sockact-meanwhile-" + i;
      meanwhile.add(clients.submit(() -> LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, allocateRequest(uid))));
    }

    for (Future<LauncherRun> request : meanwhile) {
      JsonNode answer = onlyAnswer(request.get(90, TimeUnit.SECONDS));
      assertThat(answer.get("error").isNull()).as(answer.toString()).isTrue();
    }
    assertThat(agent.occurrences(ActivatedAgent.SERVING)).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("isolator.log"))).doesNotContain(FELL_BACK);
    assertThat(status().at("/agent/requests/allocate/ok").asInt()).isEqualTo(BURST / 4);
  }

  @Test
  void anAgentThatServesNoRequestsHandsSystemdsConnectionsBackToThePlugin() throws Exception {
    ActivatedAgent agent = listen("--no-serve", "--no-policy", "--no-routes");

    assertThat(allocate("sockact-handed-back").get("error").isNull()).isTrue();
    assertThat(allocate("sockact-handed-back-2").get("error").isNull()).isTrue();

    assertThat(agent.log()).contains("not serving plugin requests (--no-serve): connections to " + socket);
    assertThat(Files.readString(dir.resolve("isolator.log")))
        .contains(FELL_BACK + " on " + socket)
        .contains("uid=sockact-handed-back-2 hostname=sockact-node outcome=ok");
  }

  private ActivatedAgent listen(String... options) throws Exception {
    ActivatedAgent agent = ActivatedAgent.listen(socket, env, options);
    made.add(agent);
    return agent;
  }

  private JsonNode allocate(String uid) throws Exception {
    return onlyAnswer(LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, allocateRequest(uid)));
  }

  private static String allocateRequest(String uid) {
    return "{\"command\":\"allocate\",\"args\":{\"hostname\":\"sockact-node\",\"uid\":\"" + uid
        + "\",\"num_ipv4\":1,\"num_ipv6\":0}}";
  }

  /** The run's one answer: stdout is exactly one JSON object on one line, whatever happened. */
  private static JsonNode onlyAnswer(LauncherRun run) throws Exception {
    assertThat(run.stdout()).as("stderr: %s", run.stderr()).endsWith("}\n").hasLineCount(1);
    JsonNode answer = JSON.readTree(run.stdout());
    assertThat(answer.isObject() && answer.has("error")).as(run.stdout()).isTrue();
    return answer;
  }

  private JsonNode status() throws Exception {
    return JSON.readTree(LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", "status", "--output", "json").stdout());
  }

  private static void awaitAtLeast(AtomicInteger count, int target) throws InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (count.get() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + count.get() + " of " + target + " requests answered within " + START);
      }
      Thread.sleep(10);
    }
  }
}
