package org.calicomesos.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/calico-mesos agent} as a real process, its stderr (its log) in a file the test can wait on. */
final class AgentProcess implements AutoCloseable {
  static final String IN_STEP = "policy in step with the datastore";

  private final Process process;
  private final Path log;

  private AgentProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static final String SERVING = "serving plugin requests on";

  /**
   * Starts the agent and waits until it has enforced its first full read of the datastore. Without its route loop:
   * an agent in the root namespace must not program routes there (other tests share it); multi-host tests run
   * theirs in namespaces ({@link #startInNamespace}).
   */
  static AgentProcess start(Path directory, Map<String, String> env) throws IOException {
    AgentProcess agent = launch(directory, env, "--no-routes");
    return agent.once(() -> agent.awaitLog(IN_STEP, 1, Duration.ofSeconds(30)));
  }

  /** Starts {@code agent --no-policy --no-routes} and waits until it serves plugin requests. */
  static AgentProcess startServingOnly(Path directory, Map<String, String> env) throws IOException {
    AgentProcess agent = launch(directory, env, "--no-policy", "--no-routes");
    return agent.once(() -> agent.awaitLog(SERVING, 1, Duration.ofSeconds(30)));
  }

  /**
   * Starts the agent inside network namespace {@code namespace} ({@code ip netns exec}), as a host of a multi-host
   * test, and waits until both its policy and its routes are in step with the datastore.
   */
  static AgentProcess startInNamespace(String namespace, Path directory, Map<String, String> env) throws IOException {
    AgentProcess agent = launch(List.of("ip", "netns", "exec", namespace), directory, env);
    return agent.once(() -> {
      agent.awaitLog(IN_STEP, 1, Duration.ofSeconds(30));
      agent.awaitLog(ROUTES_IN_STEP, 1, Duration.ofSeconds(30));
    });
  }

  /**
   * This agent once {@code ready} returns; if it throws, the agent is killed first: the caller never got hold of it,
   * so nothing else would stop it (and it would keep its namespace, and its datastore connection, alive).
   */
  private AgentProcess once(Runnable ready) {
    try {
      ready.run();
      return this;
    } catch (RuntimeException | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  static final String ROUTES_IN_STEP = "routes in step with the datastore";

  private static AgentProcess launch(Path directory, Map<String, String> env, String... options) throws IOException {
    return launch(List.of(), directory, env, options);
  }

  /** @param prefix what runs the launcher (e.g. {@code ip netns exec h1}), or nothing */
  private static AgentProcess launch(List<String> prefix, Path directory, Map<String, String> env, String... options)
      throws IOException {
    Path log = Files.createTempFile(directory, "agent-", ".log");
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(LauncherStorm.LAUNCHER.toString(), "agent"));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile());
    // Never the host's own /var/run/calico-mesos: a test agent must not take a real agent's place.
    // No warm-up unless a test asks for one: it would add its seconds to every agent start of the suite, and
    // AgentWarmUpIT covers it.
    Map<String, String> settings = new java.util.HashMap<>(Map.of("CALICO_AGENT_SOCKET",
        directory.resolve("agent.sock").toString(), "CALICO_AGENT_WARMUP", "off"));
    settings.putAll(env);
    LauncherRun.configureOnly(builder, settings);
    builder.environment().put("CALICO_LOG_LEVEL", "info");
    return new AgentProcess(builder.start(), log);
  }

  /** Waits until the log holds {@code text} at least {@code times} times. */
  void awaitLog(String text, int times, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (occurrences(text) >= times) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the agent exited with " + process.exitValue() + ":\n" + log());
      }
      pause();
    }
    throw new AssertionError("the agent did not log '" + text + "' " + times + " time(s) within " + timeout + ":\n" + log());
  }

  int occurrences(String text) {
    return LogText.count(log(), text);
  }

  String log() {
    return LogText.read(log);
  }

  /** SIGTERM, as systemd stops it; returns its exit status (143, as for any JVM ended by SIGTERM). */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new AssertionError("the agent did not stop within 15 s of SIGTERM:\n" + log());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as the OOM killer or a crash would end it: no cleanup of its socket file. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
