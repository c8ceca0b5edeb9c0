package org.calicomesos.app.agent.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import org.calicomesos.app.agentsocket.AgentFrame;
import org.calicomesos.app.agentsocket.AgentWire;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.pipeline.DeadlineClock;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocols;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLogging;
import org.calicomesos.app.pipeline.RequestPipeline;
import org.calicomesos.app.pipeline.ResponseSink;

/**
 * The agent's warm-up before it serves: {@link RehearsedRequests} replayed, round after round, through the same
 * frame reader, pipeline and protocol endpoints as clients' requests, but on an application of its own whose
 * datastore and dataplanes live in this process (the composition root's {@code RehearsalComponent}), so it never
 * touches the real datastore or the kernel.
 * HotSpot compiles a method after it has run often enough, not after some time, so a host that starts a few
 * containers an hour would otherwise run them on interpreted code for days; the rehearsal runs them first.
 *
 * <p>Bounded: it stops after {@link #MAX_ROUNDS} rounds or once its time budget is spent, and runs on one thread.
 * A rehearsed request that fails stops it too (the agent then starts colder, never wrong), with a warning.
 */
public final class AgentWarmUp {
  private static final System.Logger LOG = System.getLogger(AgentWarmUp.class.getName());
  /** A cap for quick rounds (on a map for a datastore a round takes a few ms once compiled): enough to compile them. */
  static final int MAX_ROUNDS = 400;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PluginProtocols protocols;
  private final ConfigurationReader reader;
  private final Function<Configuration, PluginApplication> rehearsalApplications;

  /**
   * @param rehearsalApplications builds an application for the rehearsal's configuration whose datastore and
   *     dataplanes reach neither the real datastore nor the kernel
   */
  public AgentWarmUp(PluginProtocols protocols, ConfigurationReader reader,
      Function<Configuration, PluginApplication> rehearsalApplications) {
    this.protocols = protocols;
    this.reader = reader;
    this.rehearsalApplications = rehearsalApplications;
  }

  /** Rehearses for at most {@code budget}; never throws. */
  public WarmUpReport run(Duration budget) {
    long started = System.nanoTime();
    Duration cpuBefore = processCpu();
    ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "agent-warm-up-deadline");
      thread.setDaemon(true);
      return thread;
    });
    deadlines.setRemoveOnCancelPolicy(true);
    RehearsedRequests requests = new RehearsedRequests();
    int rounds = 0;
    Optional<String> stoppedEarly = Optional.empty();
    try (ServedConfigurations application = new ServedConfigurations(rehearsalApplications)) {
      RequestPipeline pipeline = new RequestPipeline(reader, application, settings -> RequestLogging.Scope.NONE,
          RequestGate.OPEN, DeadlineClock.on(deadlines), settings -> "the calico-mesos agent's log");
      while (rounds < MAX_ROUNDS && System.nanoTime() - started < budget.toNanos()) {
        round(pipeline, requests, rounds);
        rounds++;
      }
    } catch (RehearsalFailedException | RuntimeException e) {
      stoppedEarly = Optional.of("a rehearsed request failed: " + e.getMessage());
      LOG.log(Level.WARNING, "the warm-up stopped after {0} rounds: {1}", rounds, e.getMessage());
    } finally {
      deadlines.shutdownNow();
    }
    return new WarmUpReport(rounds, Duration.ofNanos(System.nanoTime() - started), processCpu().minus(cpuBefore),
        Instant.now(), stoppedEarly);
  }

  private void round(RequestPipeline pipeline, RehearsedRequests requests, int round)
      throws RehearsalFailedException {
    JsonNode allocated = answer(pipeline, requests.allocate(round));
    String address = allocated.path("ipv4").path(0).asText("");
    if (address.isEmpty()) {
      throw new RehearsalFailedException("allocate answered " + allocated);
    }
    answer(pipeline, requests.isolate(round, address));
    answer(pipeline, requests.release(address));
    answer(pipeline, requests.cleanup(round));
    for (byte[] frame : requests.cni(round)) {
      answer(pipeline, frame);
    }
  }

  /**
   * One frame through the agent's reader, the pipeline and the agent's answer writer. The answer must be a success:
   * exit status 0 and no error in the body (net-modules answers its errors with status 0); its body, as JSON (empty
   * for a CNI DEL).
   */
  private JsonNode answer(RequestPipeline pipeline, byte[] frame) throws RehearsalFailedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    JsonNode body;
    try {
      AgentFrame.Plugin request = (AgentFrame.Plugin) AgentWire.read(new ByteArrayInputStream(frame), protocols::find);
      pipeline.run(request.request(), new ResponseSink() {
        @Override
        public void write(PluginResponse response, Optional<String> command) throws IOException {
          AgentWire.writeAnswer(response, out);
        }

        @Override
        public void abandon() {}
      });
      AgentWire.Answer answer = AgentWire.readAnswer(new ByteArrayInputStream(out.toByteArray()));
      if (answer.exitStatus() != 0) {
        throw new RehearsalFailedException("the answer was " + answerText(out.toByteArray()));
      }
      body = JSON.readTree(answer.stdout());
    } catch (IOException e) {
      throw new RehearsalFailedException("a rehearsed request or its answer was refused: " + e.getMessage()
          + " (" + answerText(out.toByteArray()) + ")");
    }
    if (body.hasNonNull("error")) {
      throw new RehearsalFailedException("the answer was " + answerText(out.toByteArray()));
    }
    return body;
  }

  private static String answerText(byte[] answer) {
    return new String(answer, StandardCharsets.UTF_8).strip().replace('\n', ' ');
  }

  private static Duration processCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static final class RehearsalFailedException extends Exception {
    RehearsalFailedException(String message) {
      super(message);
    }
  }
}
