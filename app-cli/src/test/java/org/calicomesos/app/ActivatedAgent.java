package org.calicomesos.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * {@code bin/calico-mesos agent} run as systemd runs it with packaging/systemd/calico-mesos-agent.socket:
 * {@code systemd-socket-activate} listens on the socket and, on the first connection, hands it over as fd 3
 * (LISTEN_FDS) to a shell loop that stands in for the service's {@code Restart=always}: it starts the agent, and
 * starts it again {@link #RESTART_SEC} after it ends. The socket outlives every agent, as the socket unit's does.
 * All agents' stderr goes to one log, one agent after the other.
 */
final class ActivatedAgent implements AutoCloseable {
  /** The service's RestartSec=. */
  static final Duration RESTART_SEC = Duration.ofSeconds(2);
  static final String SERVING = "serving plugin requests on";

  // $1 the test JVM's pid: the loop ends with it, so that a killed test run leaves no agent restarting for ever.
  // LISTEN_PID names the agent's own pid, which the launcher's exec keeps (systemd sets it so).
  private static final String RESTART_LOOP = """
      test_jvm=$1 launcher=$2 restart_sec=$3
      shift 3
      while kill -0 "$test_jvm" 2>/dev/null; do
        sh -c 'LISTEN_PID=$$; export LISTEN_PID; exec "$0" agent "$@"' "$launcher" "$@"
        sleep "$restart_sec"
      done
      """;

  private final Process activator;
  private final Path socket;
  private final Path log;

  private ActivatedAgent(Process activator, Path socket, Path log) {
    this.activator = activator;
    this.socket = socket;
    this.log = log;
  }

  /**
   * Listens on {@code socket}; the first agent starts with the first connection.
   *
   * @param env the agents' whole environment (systemd-socket-activate passes on only what it is given)
   * @param options the agent's options, e.g. {@code --no-policy}
   */
  static ActivatedAgent listen(Path socket, Map<String, String> env, String... options) throws IOException {
    Path log = Files.createTempFile(socket.getParent(), "sockact-agent-", ".log");
    List<String> command = new ArrayList<>(List.of("systemd-socket-activate", "--listen=" + socket));
    Map<String, String> passed = new java.util.TreeMap<>(env);
    passed.put("PATH", System.getenv("PATH"));
    Optional.ofNullable(System.getenv("JAVA_HOME")).ifPresent(home -> passed.put("JAVA_HOME", home));
    passed.put("CALICO_LOG_LEVEL", "info");
    passed.forEach((name, value) -> command.add("--setenv=" + name + "=" + value));
    command.addAll(List.of("/bin/sh", "-c", RESTART_LOOP, "restart-loop",
        String.valueOf(ProcessHandle.current().pid()), LauncherStorm.LAUNCHER.toString(),
        String.valueOf(RESTART_SEC.toSeconds())));
    command.addAll(List.of(options));
    Process activator = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile())
        .start();
    ActivatedAgent agent = new ActivatedAgent(activator, socket, log);
    try {
      agent.await(() -> Files.exists(socket), "listen on " + socket, Duration.ofSeconds(10));
    } catch (RuntimeException | AssertionError e) {
      agent.close();
      throw e;
    }
    return agent;
  }

  /** The pid of the agent running now, waiting for one to start (the loop may be between two). */
  long agentPid(Duration timeout) {
    long[] pid = {0};
    await(() -> {
      Optional<ProcessHandle> java = activator.descendants()
          .filter(process -> process.info().command().orElse("").endsWith("/java"))
          .findFirst();
      java.ifPresent(process -> pid[0] = process.pid());
      return java.isPresent();
    }, "run an agent", timeout);
    return pid[0];
  }

  /** Waits until {@code count} agents in all have started serving. */
  void awaitServing(int count, Duration timeout) {
    await(() -> occurrences(SERVING) >= count, "have " + count + " agent(s) serving", timeout);
  }

  /** Waits until {@code count} connections wait in the socket's queue, unaccepted. */
  void awaitQueued(int count, Duration timeout) {
    await(() -> queued() >= count, "have " + count + " connections queued on " + socket, timeout);
  }

  // For a listening socket, ss's Recv-Q is the number of connections waiting to be accepted.
  private int queued() {
    String line = KernelCommand.run("ss", "-xlnH", "src", socket.toString()).strip();
    return line.isEmpty() ? 0 : Integer.parseInt(line.split("\\s+")[2]);
  }

  int occurrences(String text) {
    return LogText.count(log(), text);
  }

  String log() {
    return LogText.read(log);
  }

  /** Stops the loop from starting another agent, then ends every process under systemd-socket-activate. */
  @Override
  public void close() {
    if (!activator.isAlive()) {
      return;
    }
    // Frozen first, so that it cannot start an agent between listing its processes and killing it.
    signal(activator.pid(), "STOP");
    List<ProcessHandle> under = activator.descendants().toList();
    activator.destroyForcibly();
    under.forEach(ProcessHandle::destroyForcibly);
    try {
      activator.waitFor(10, TimeUnit.SECONDS);
      for (ProcessHandle process : under) {
        process.onExit().get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new AssertionError("processes under systemd-socket-activate did not end: " + under, e);
    }
  }

  /** Sends {@code signal} (a name, e.g. STOP) to {@code pid}. */
  static void signal(long pid, String signal) {
    KernelCommand.run("kill", "-" + signal, String.valueOf(pid));
  }

  private void await(java.util.function.BooleanSupplier condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!activator.isAlive()) {
        throw new AssertionError("systemd-socket-activate exited with " + activator.exitValue() + ":\n" + log());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("did not " + what + " within " + timeout + ":\n" + log());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
