package org.calicomesos.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.calicomesos.app.agent.serving.AgentStatusClient;

/**
 * One {@code calico-mesos agent --no-policy} for a whole test JVM, when the end-to-end tests run with the agent
 * serving their plugin requests ({@code -Dcalico.it.agent=true}; the failsafe execution "with-agent" sets it).
 * It serves requests only: policy would drop the traffic of tests that know nothing of netgroups. Each request
 * carries its own configuration, so one agent serves every test's datastore.
 */
final class SharedAgent {
  static final String PROPERTY = "calico.it.agent";

  private static SharedAgent instance;

  private final Process process;
  private final Path socket;
  private final Path log;

  private SharedAgent(Process process, Path socket, Path log) {
    this.process = process;
    this.socket = socket;
    this.log = log;
  }

  static boolean enabled() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** The running agent's socket, starting the agent on first use. */
  static synchronized Path socket() throws IOException {
    if (instance == null || !instance.process.isAlive()) {
      instance = start();
    }
    return instance.socket;
  }

  /** Requests the agent has answered so far, by its own count. */
  static long answered() throws IOException {
    AgentStatusClient.Answer answer = AgentStatusClient.ask(socket(), Duration.ofSeconds(5));
    if (!(answer instanceof AgentStatusClient.Answer.Serving serving)) {
      throw new AssertionError("the shared agent does not answer: " + answer + "\n" + instance.log());
    }
    long total = 0;
    for (var command : new com.fasterxml.jackson.databind.ObjectMapper().readTree(serving.json()).path("requests")) {
      total += command.path("ok").asLong() + command.path("error").asLong();
    }
    return total;
  }

  private static SharedAgent start() throws IOException {
    Path directory = Files.createTempDirectory("calico-it-agent");
    Path socket = directory.resolve("agent.sock");
    Path log = directory.resolve("agent.log");
    ProcessBuilder builder = new ProcessBuilder(LauncherStorm.LAUNCHER.toString(), "agent", "--no-policy")
        .directory(directory.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CALICO_") || name.startsWith("ETCD_")
        || name.startsWith("CONSUL_"));
    builder.environment().putAll(Map.of(
        "CALICO_AGENT_SOCKET", socket.toString(),
        "CALICO_SQLITE_PATH", directory.resolve("agent-own.db").toString(),
        "CALICO_METRICS_PORT", "off",
        "CALICO_LOG_LEVEL", "info"));
    Process process = builder.start();
    SharedAgent agent = new SharedAgent(process, socket, log);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::stop, "shared-agent-stop"));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(socket)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        agent.stop();
        throw new AssertionError("the shared agent did not start serving on " + socket + ":\n" + agent.log());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return agent;
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
    // Its socket went with it; its log and its own (unused) store go now.
    try (var files = Files.walk(socket.getParent())) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is all
    }
  }

  private String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
