package org.calicomesos.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps every plugin request takes, with a protocol, applications and a sink of the test's own. */
class RequestPipelineTest {
  @TempDir
  Path dir;

  private final List<String> events = new ArrayList<>();
  private final Recorded sink = new Recorded();

  // Says an error as "error: <sentence>", so the test can tell the protocol's form from the endpoint's answers.
  private static final PluginProtocol PROTOCOL =
      new TestProtocol(1024, variable -> false, sentence -> "error: " + sentence);

  @Test
  void a_request_is_answered_once_by_its_protocols_endpoint_and_its_application_is_closed() {
    RequestPipeline.Outcome outcome = pipeline(request -> "ok: " + request).run(request("hello"), sink);

    assertThat(outcome).isEqualTo(new RequestPipeline.Outcome(true, false));
    assertThat(sink.written).containsExactly("ok: hello");
    assertThat(events).containsExactly("leased", "endpoint test-protocol", "closed");
  }

  @Test
  void refused_stdin_is_answered_in_the_protocols_form_and_builds_nothing() {
    RequestPipeline.Outcome outcome = pipeline(request -> "ok")
        .run(PluginRequest.refused(PROTOCOL, environment(Map.of()), "request is larger than 1024 bytes"), sink);

    assertThat(outcome.success()).isFalse();
    assertThat(sink.written).containsExactly("error: request is larger than 1024 bytes");
    assertThat(events).isEmpty();
  }

  @Test
  void a_refused_configuration_is_answered_in_the_protocols_form_and_builds_nothing() {
    pipeline(request -> "ok").run(PluginRequest.of(PROTOCOL,
        environment(Map.of("CALICO_DATASTORE", "zookeeper")), new byte[0]), sink);

    assertThat(sink.written).singleElement().asString().startsWith("error: ").contains("CALICO_DATASTORE");
    assertThat(events).isEmpty();
  }

  @Test
  void an_unexpected_failure_is_one_sentence_in_the_protocols_form_naming_where_the_trace_went() {
    pipeline(request -> {
      throw new NoClassDefFoundError("org/example/Missing");
    }).run(request("hello"), sink);

    assertThat(sink.written).containsExactly(
        "error: internal error (NoClassDefFoundError): org/example/Missing; see the test's log");
    assertThat(events).containsExactly("leased", "endpoint test-protocol", "closed");
  }

  @Test
  void an_application_that_cannot_reach_its_datastore_is_discarded() {
    PluginApplications failing = new PluginApplications() {
      @Override
      public Lease lease(Map<String, String> environment, Configuration configuration) {
        return RequestPipelineTest.this.lease((request, log, gate) -> {
          DatastoreUnavailableException down = new DatastoreUnavailableException("etcd at x", "down", null);
          log.failure(down);
          return PROTOCOL.error(null, FailureKind.DATASTORE_UNAVAILABLE, down.getMessage());
        });
      }
    };
    new RequestPipeline(new ConfigurationReader(() -> "testnode"), failing, settings -> RequestLogging.Scope.NONE,
        RequestGate.OPEN, DeadlineClock.ownThread(), settings -> "the test's log").run(request("hello"), sink);

    assertThat(events).containsExactly("endpoint test-protocol", "discarded", "closed");
    assertThat(sink.written).singleElement().asString().startsWith("error: cannot reach etcd at x");
  }

  @Test
  void an_overrun_request_is_answered_by_its_deadline_alone_and_abandoned() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RequestPipeline.Outcome outcome = pipeline(request -> {
      try {
        sink.abandoned.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      release.countDown();
      return "too late";
    }).run(request("slow", Map.of("CALICO_REQUEST_TIMEOUT", "0.1")), sink);

    assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome).isEqualTo(new RequestPipeline.Outcome(false, true));
    assertThat(sink.written).singleElement().asString()
        .startsWith("error: calico-mesos did not finish the request within 0.1 s (CALICO_REQUEST_TIMEOUT)");
  }

  @Test
  void a_command_whose_turn_comes_after_its_deadline_answered_does_not_run() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    // The agent's IPAM gate, with the host's queue ahead of this request outlasting its deadline.
    RequestGate turnAfterTheDeadline = new RequestGate() {
      @Override
      public <T> T pass(String command, Supplier<T> work) {
        try {
          sink.abandoned.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return work.get();
      }
    };
    PluginApplications applications = (environment, configuration) -> lease((request, log, gate) ->
        gate.pass("allocate", () -> {
          ran.set(true);
          return new PluginResponse("too late".getBytes(StandardCharsets.UTF_8), true, null);
        }));

    RequestPipeline.Outcome outcome = new RequestPipeline(new ConfigurationReader(() -> "testnode"), applications,
        settings -> RequestLogging.Scope.NONE, turnAfterTheDeadline, DeadlineClock.ownThread(), settings -> "the log")
        .run(request("allocate", Map.of("CALICO_REQUEST_TIMEOUT", "0.1")), sink);

    assertThat(outcome).isEqualTo(new RequestPipeline.Outcome(false, true));
    assertThat(ran).as("the command ran after its caller was told it failed").isFalse();
    assertThat(sink.written).singleElement().asString().startsWith("error: calico-mesos did not finish the request");
  }

  @Test
  void the_request_log_is_opened_with_the_requests_own_settings_and_closed_after_the_answer() {
    new RequestPipeline(new ConfigurationReader(() -> "testnode"), applications(request -> "ok"), settings -> {
      events.add("logging to " + settings.file().getFileName());
      return () -> events.add("logging done");
    }, RequestGate.OPEN, DeadlineClock.ownThread(), settings -> "the test's log").run(request("hello"), sink);

    assertThat(events).containsExactly("logging to isolator.log", "leased", "endpoint test-protocol", "closed",
        "logging done");
  }

  private RequestPipeline pipeline(Function<String, String> endpoint) {
    return new RequestPipeline(new ConfigurationReader(() -> "testnode"), applications(endpoint),
        settings -> RequestLogging.Scope.NONE, RequestGate.OPEN, DeadlineClock.ownThread(), settings -> "the test's log");
  }

  private PluginApplications applications(Function<String, String> endpoint) {
    return (environment, configuration) -> {
      events.add("leased");
      return lease((request, log, gate) -> {
        String answer = endpoint.apply(new String(request, StandardCharsets.UTF_8));
        return new PluginResponse(answer.getBytes(StandardCharsets.UTF_8), true, null);
      });
    };
  }

  private interface Answering {
    PluginResponse answer(byte[] request, RequestLog log, RequestGate gate);
  }

  private PluginApplications.Lease lease(Answering answering) {
    return new PluginApplications.Lease() {
      @Override
      public ProtocolEndpoint endpoint(PluginProtocol protocol) {
        events.add("endpoint " + protocol.name());
        return (request, log, gate) -> answering.answer(request.stdin(), log, gate);
      }

      @Override
      public void discard() {
        events.add("discarded");
      }

      @Override
      public void close() {
        events.add("closed");
      }
    };
  }

  private PluginRequest request(String stdin) {
    return request(stdin, Map.of());
  }

  private PluginRequest request(String stdin, Map<String, String> extra) {
    return PluginRequest.of(PROTOCOL, environment(extra), stdin.getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> environment = new java.util.HashMap<>(Map.of("CALICO_DATASTORE", "memory",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString()));
    environment.putAll(extra);
    return environment;
  }

  private static final class Recorded implements ResponseSink {
    final List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CountDownLatch abandoned = new CountDownLatch(1);

    @Override
    public void write(PluginResponse response, Optional<String> command) throws IOException {
      written.add(new String(response.body(), StandardCharsets.UTF_8));
    }

    @Override
    public void abandon() {
      abandoned.countDown();
    }
  }
}
