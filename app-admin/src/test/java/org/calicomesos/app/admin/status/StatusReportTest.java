package org.calicomesos.app.admin.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.calicomesos.app.agentsocket.AgentStatusClient;
import org.junit.jupiter.api.Test;

/** The agent's warm-up as {@code status} prints it, from what the agent reports (or an older agent does not). */
class StatusReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aWarmUpThatRanSaysWhatItRanAndWhenItFinished() throws Exception {
    assertThat(text("{\"rounds\":63,\"took_ms\":3011,\"cpu_ms\":4672,\"finished\":\"2026-12-07T13:25:10Z\"}"))
        .contains("agent warm-up:    63 rounds in 3011 ms (4672 ms of CPU), finished 2026-12-07T13:25:10Z\n");
  }

  @Test
  void aWarmUpThatStoppedEarlySaysWhy() throws Exception {
    assertThat(text("{\"rounds\":2,\"took_ms\":90,\"cpu_ms\":120,\"finished\":\"2026-12-07T13:25:10Z\","
        + "\"stopped_early\":\"a rehearsed request failed: x\"}"))
        .contains("agent warm-up:    2 rounds in 90 ms (120 ms of CPU), finished 2026-12-07T13:25:10Z; stopped early:"
            + " a rehearsed request failed: x\n");
    assertThat(text("{\"rounds\":0,\"took_ms\":0,\"cpu_ms\":0,\"finished\":\"2026-12-07T13:25:10Z\","
        + "\"stopped_early\":\"turned off (CALICO_AGENT_WARMUP=off)\"}"))
        .contains("agent warm-up:    none: turned off (CALICO_AGENT_WARMUP=off)\n");
  }

  @Test
  void anAgentThatReportsNoWarmUpGetsNoLine() throws Exception {
    assertThat(text(null)).doesNotContain("warm-up");
  }

  private static String text(String warmUp) throws Exception {
    String agent = "{\"serving\":true,\"socket\":\"/run/a.sock\",\"version\":\"v\",\"pid\":1,\"uptime_seconds\":5,"
        + "\"node\":\"n\",\"datastore\":\"etcd\",\"requests\":{}" + (warmUp == null ? "" : ",\"warm_up\":" + warmUp)
        + "}";
    JsonNode status = JSON.readTree(agent);
    StatusReport report = new StatusReport(new AgentStatusClient.Answer.Serving(agent), Optional.of(status), "etcd",
        Optional.empty(), Optional.empty(), List.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.printText(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
