package org.calicomesos.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.calicomesos.app.LauncherRun;
import org.calicomesos.app.LauncherStorm;
import org.calicomesos.app.agentsocket.AgentStatusClient;

/**
 * A host's {@code calico-mesos agent} (policy, routes and serving) kept running as systemd's {@code Restart=always}
 * keeps it: whenever it exits, killed or not, it is started again after 100 ms ({@code RestartSec}'s default), its
 * stderr appended to the host's one agent log. A thread per agent waits on it.
 */
final class SupervisedAgent implements AutoCloseable {
  private static final long RESTART_DELAY_MILLIS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChaosHost host;
  private final Thread supervisor;
  private final AtomicInteger kills = new AtomicInteger();
  private final AtomicInteger exitsOnItsOwn = new AtomicInteger();
  private Process process;
  private boolean killRequested;
  private volatile boolean closed;

  private SupervisedAgent(ChaosHost host) {
    this.host = host;
    this.supervisor = new Thread(this::superviseUntilClosed, host.node() + "-agent-supervisor");
  }

  /** Starts the agent and its supervisor; does not wait for it to serve. */
  static SupervisedAgent start(ChaosHost host) {
    SupervisedAgent agent = new SupervisedAgent(host);
    agent.launch();
    agent.supervisor.setDaemon(true);
    agent.supervisor.start();
    return agent;
  }

  /** SIGKILL, as the OOM killer would; the supervisor starts it again. False if it was not running (restarting). */
  synchronized boolean kill() {
    if (process == null || !process.isAlive() || killRequested) {
      return false;
    }
    killRequested = true;
    kills.incrementAndGet();
    process.destroyForcibly();
    return true;
  }

  int kills() {
    return kills.get();
  }

  /** Exits nobody asked for: each is a finding (the supervisor restarted it all the same). */
  int exitsOnItsOwn() {
    return exitsOnItsOwn.get();
  }

  /** Waits until the agent serves, for at most {@code within}; fails with its log's tail otherwise. */
  void awaitServing(Duration within) throws InterruptedException {
    awaitStatus(status -> true, "serve", within);
  }

  /**
   * Waits until the agent serves and runs no request, not even one whose deadline answered for it and which goes on
   * in the background: then nothing writes on this host's behalf but what the test runs next.
   */
  void awaitIdle(Duration within) throws InterruptedException {
    awaitStatus(status -> status.path("requests_in_flight").asInt(-1) == 0, "serve idle", within);
  }

  private void awaitStatus(Predicate<JsonNode> wanted, String what, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!status().filter(wanted).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(host.node() + "'s agent does not " + what + " within " + within + "; its log ends:\n"
            + LogTail.of(host.agentLog(), 30));
      }
      Thread.sleep(100);
    }
  }

  /** What the agent answers on its socket now, if it serves as this host's node. */
  private Optional<JsonNode> status() {
    if (!(AgentStatusClient.ask(host.socket(), Duration.ofSeconds(2)) instanceof AgentStatusClient.Answer.Serving serving)) {
      return Optional.empty();
    }
    try {
      JsonNode status = JSON.readTree(serving.json());
      return Optional.of(status).filter(json -> json.path("node").asText().equals(host.node()));
    } catch (IOException e) {
      throw new UncheckedIOException(host.node() + "'s agent answered its status in no JSON: " + serving.json(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    Process last;
    synchronized (this) {
      closed = true;
      last = process;
    }
    supervisor.interrupt();
    if (last != null) {
      last.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    supervisor.join(TimeUnit.SECONDS.toMillis(15));
  }

  private void superviseUntilClosed() {
    try {
      while (!closed) {
        Process running;
        synchronized (this) {
          running = process;
        }
        running.waitFor();
        synchronized (this) {
          if (closed) {
            return;
          }
          if (!killRequested) {
            exitsOnItsOwn.incrementAndGet();
          }
          killRequested = false;
        }
        Thread.sleep(RESTART_DELAY_MILLIS);
        launch();
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  private synchronized void launch() {
    if (closed) {
      return;
    }
    ProcessBuilder builder = new ProcessBuilder(List.of("ip", "netns", "exec", host.namespace(),
        LauncherStorm.LAUNCHER.toString(), "agent"))
        .directory(host.directory().toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.appendTo(host.agentLog().toFile()));
    LauncherRun.configureOnly(builder, host.env());
    builder.environment().put("CALICO_LOG_LEVEL", "info");
    // No warm-up: the chaos restarts agents often, and AgentWarmUpIT covers it.
    builder.environment().putIfAbsent("CALICO_AGENT_WARMUP", "off");
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + host.node() + "'s agent", e);
    }
  }
}
