package org.calicomesos.adapters.bird;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One line for the operator from what bird -p and birdc printed (texts as BIRD 2.0.12 printed them). */
class BirdErrorsTest {
  @Test
  void a_parse_error_names_the_line_not_the_temporary_file() {
    assertThat(BirdErrors.firstError(
        "bird: /etc/bird/.bird.conf.calico-mesos-123.tmp:8:1 Link-local addresses require defined interface\n", 1))
        .isEqualTo("line 8: Link-local addresses require defined interface");
  }

  @Test
  void birdc_s_greeting_and_progress_are_skipped() {
    assertThat(BirdErrors.firstError("BIRD 2.0.12 ready.\nReading configuration from /etc/bird/bird.conf\n"
        + "/etc/bird/bird.conf:1:1 syntax error, unexpected GARBAGE\n", 1))
        .isEqualTo("line 1: syntax error, unexpected GARBAGE");
  }

  @Test
  void other_complaints_are_kept_whole_and_silence_becomes_the_exit_status() {
    assertThat(BirdErrors.firstError("bird: Unable to open configuration file /x: No such file or directory\n", 1))
        .isEqualTo("Unable to open configuration file /x: No such file or directory");
    assertThat(BirdErrors.firstError("", 2)).isEqualTo("exit status 2");
  }

  @Test
  void a_missing_or_stale_socket_means_bird_is_not_running() {
    assertThat(BirdErrors.notRunning(
        "Unable to connect to server control socket (/run/bird/bird.ctl): Connection refused\n")).isTrue();
    assertThat(BirdErrors.notRunning("BIRD 2.0.12 ready.\nReconfigured\n")).isFalse();
  }
}
