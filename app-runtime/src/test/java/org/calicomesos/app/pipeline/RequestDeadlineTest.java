package org.calicomesos.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both clocks: a thread of the deadline's own (the plugin process) and the agent's shared scheduler. */
class RequestDeadlineTest {
  private final ScheduledThreadPoolExecutor clock = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);

  @AfterEach
  void stopClock() {
    clock.shutdownNow();
  }

  // Says an error as net-modules does, for sentences that need no escaping.
  private static final PluginProtocol PROTOCOL =
      new TestProtocol(1024, variable -> false, sentence -> "{\"error\":\"" + sentence + "\"}\n");

  private RequestDeadline start(boolean shared, Duration timeout, ByteArrayOutputStream stdout, Runnable halt) {
    ResponseSink sink = new ResponseSink() {
      @Override
      public void write(PluginResponse response, Optional<String> command) {
        stdout.writeBytes(response.body());
      }

      @Override
      public void abandon() {
        halt.run();
      }
    };
    return RequestDeadline.start(timeout, PluginRequest.of(PROTOCOL, Map.of(), new byte[0]), sink, RequestLog.start(),
        shared ? DeadlineClock.on(clock) : DeadlineClock.ownThread());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void an_overrun_request_gets_one_json_error_and_the_process_is_halted(boolean shared) throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CountDownLatch halted = new CountDownLatch(1);

    try (RequestDeadline deadline = start(shared, Duration.ofMillis(50), stdout, halted::countDown)) {
      assertThat(halted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(deadline.claimResponse()).as("the request may no longer answer").isFalse();
    }
    String answer = stdout.toString(StandardCharsets.UTF_8);
    assertThat(answer).startsWith("{\"error\":\"calico-mesos did not finish the request within 0.05 s (CALICO_REQUEST_TIMEOUT)")
        .endsWith("}\n").hasLineCount(1);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void a_request_that_answers_in_time_keeps_the_deadline_silent(boolean shared) throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CountDownLatch halted = new CountDownLatch(1);

    try (RequestDeadline deadline = start(shared, Duration.ofMillis(200), stdout, halted::countDown)) {
      assertThat(deadline.claimResponse()).isTrue();
    }
    clock.purge();
    assertThat(clock.getQueue()).as("closing the deadline takes it off the shared clock").isEmpty();

    assertThat(halted.await(400, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(stdout.size()).isZero();
  }
}
