package org.calicomesos.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestDeadlineTest {

  @Test
  void an_overrun_request_gets_one_json_error_and_the_process_is_halted() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CountDownLatch halted = new CountDownLatch(1);

    try (RequestDeadline deadline = RequestDeadline.start(Duration.ofMillis(50), stdout, halted::countDown)) {
      assertThat(halted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(deadline.claimResponse()).as("the request may no longer answer").isFalse();
    }
    String answer = stdout.toString(StandardCharsets.UTF_8);
    assertThat(answer).startsWith("{\"error\":\"calico-mesos did not finish the request within 0.05 s (CALICO_REQUEST_TIMEOUT)")
        .endsWith("}\n").hasLineCount(1);
  }

  @Test
  void a_request_that_answers_in_time_keeps_the_deadline_silent() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CountDownLatch halted = new CountDownLatch(1);

    try (RequestDeadline deadline = RequestDeadline.start(Duration.ofMillis(200), stdout, halted::countDown)) {
      assertThat(deadline.claimResponse()).isTrue();
    }

    assertThat(halted.await(400, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(stdout.size()).isZero();
  }
}
