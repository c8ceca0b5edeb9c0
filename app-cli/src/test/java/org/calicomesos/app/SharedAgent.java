package org.calicomesos.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.calicomesos.app.agentsocket.AgentStatusClient;

/**
 * One {@code calico-mesos agent --no-policy} for a whole test JVM, when the end-to-end tests run with the agent
 * serving their plugin requests ({@code -Dcalico.it.agent=true}; the failsafe execution "with-agent" sets it).
 * It serves requests only: policy would drop the traffic of tests that know nothing of netgroups. Each request
 * carries its own configuration, so one agent serves every test's datastore.
 */
public final class SharedAgent {
  static final String PROPERTY = "calico.it.agent";

  private static SharedAgent instance;

  private final AgentProcess process;
  private final Path directory;

  private SharedAgent(AgentProcess process, Path directory) {
    this.process = process;
    this.directory = directory;
  }

  public static boolean enabled() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** The running agent's socket, starting the agent on first use. */
  static synchronized Path socket() throws IOException {
    if (instance == null || !instance.process.isAlive()) {
      instance = start();
    }
    return instance.directory.resolve("agent.sock");
  }

  /** Requests the agent has answered so far, by its own count. */
  static long answered() throws IOException {
    AgentStatusClient.Answer answer = AgentStatusClient.ask(socket(), Duration.ofSeconds(5));
    if (!(answer instanceof AgentStatusClient.Answer.Serving serving)) {
      throw new AssertionError("the shared agent does not answer: " + answer + "\n" + instance.process.log());
    }
    long total = 0;
    for (var command : new com.fasterxml.jackson.databind.ObjectMapper().readTree(serving.json()).path("requests")) {
      total += command.path("ok").asLong() + command.path("error").asLong();
    }
    return total;
  }

  private static SharedAgent start() throws IOException {
    Path directory = Files.createTempDirectory("calico-it-agent");
    SharedAgent agent = new SharedAgent(AgentProcess.startServingOnly(directory, Map.of(
        "CALICO_SQLITE_PATH", directory.resolve("agent-own.db").toString(),
        "CALICO_METRICS_PORT", "off")), directory);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::stop, "shared-agent-stop"));
    return agent;
  }

  private void stop() {
    try {
      process.stop();
    } catch (InterruptedException | AssertionError e) {
      // killed instead; nothing more to do in a JVM that is exiting
    }
    // Its socket went with it; its log and its own (unused) store go now.
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is all
    }
  }
}
