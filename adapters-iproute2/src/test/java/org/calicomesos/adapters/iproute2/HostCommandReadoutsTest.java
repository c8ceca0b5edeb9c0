package org.calicomesos.adapters.iproute2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.diagnostics.HostReadout;
import org.calicomesos.ports.diagnostics.ReadoutResult;
import org.calicomesos.ports.diagnostics.ReadoutResult.Status;
import org.junit.jupiter.api.Test;

/** How each way a readout can end is reported; the real tools are only read from (ip addr), never written to. */
class HostCommandReadoutsTest {

  @Test
  void aRealReadoutIsTheCommandsOutput() {
    ReadoutResult addresses = HostCommandReadouts.onPath().read(HostReadout.ADDRESSES);

    assertThat(addresses.status()).isEqualTo(Status.READ);
    assertThat(addresses.command()).isEqualTo("ip -d addr");
    assertThat(addresses.stdout()).contains("lo:").contains("127.0.0.1");
    assertThat(addresses.reason()).isEmpty();
  }

  @Test
  void aMissingPolicyTableIsAbsentNotFailed() {
    ReadoutResult table = readouts(HostReadout.POLICY_TABLE,
        "echo 'Error: No such file or directory' >&2; exit 1").read(HostReadout.POLICY_TABLE);

    assertThat(table.status()).isEqualTo(Status.ABSENT);
    assertThat(table.stderr()).isEqualTo("Error: No such file or directory");
  }

  @Test
  void aRefusalIsAFailureWithStderrsFirstLineAsTheReason() {
    ReadoutResult table = readouts(HostReadout.POLICY_TABLE,
        "echo partial; echo 'Error: Operation not permitted' >&2; echo more >&2; exit 1").read(HostReadout.POLICY_TABLE);

    assertThat(table.status()).isEqualTo(Status.FAILED);
    assertThat(table.reason()).isEqualTo("Error: Operation not permitted");
    assertThat(table.stdout()).isEqualTo("partial\n");
  }

  @Test
  void aCommandThatIsNotInstalledIsUnavailable() {
    HostCommandReadouts readouts = new HostCommandReadouts(
        Map.of(HostReadout.AGENT_JOURNAL, List.of("/nonexistent/journalctl", "-n", "1")), Duration.ofSeconds(5));

    ReadoutResult journal = readouts.read(HostReadout.AGENT_JOURNAL);

    assertThat(journal.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(journal.command()).isEqualTo("/nonexistent/journalctl -n 1");
    assertThat(journal.reason()).startsWith("cannot start /nonexistent/journalctl");
  }

  @Test
  void aCommandThatHangsIsKilledAndFailed() {
    HostCommandReadouts readouts = new HostCommandReadouts(
        Map.of(HostReadout.LINKS, List.of("sleep", "30")), Duration.ofMillis(200));

    ReadoutResult links = readouts.read(HostReadout.LINKS);

    assertThat(links.status()).isEqualTo(Status.FAILED);
    assertThat(links.reason()).isEqualTo("cannot run 'sleep 30': it did not finish within 200 ms and was killed");
  }

  private static HostCommandReadouts readouts(HostReadout readout, String script) {
    return new HostCommandReadouts(Map.of(readout, List.of("sh", "-c", script)), Duration.ofSeconds(5));
  }
}
