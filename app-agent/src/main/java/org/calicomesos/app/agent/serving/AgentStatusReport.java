package org.calicomesos.app.agent.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The agent's answer to {@code status}, as JSON; the admin command renders it. */
final class AgentStatusReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentStatusReport() {}

  static byte[] render(AgentIdentity identity, WarmUpReport warmedUp, Instant now, RequestStatistics statistics,
      int configurations, int inFlight) {
    ObjectNode status = JSON.createObjectNode();
    status.put("serving", true);
    status.put("version", identity.version());
    status.put("pid", identity.pid());
    status.put("started", identity.started().toString());
    status.put("uptime_seconds", Duration.between(identity.started(), now).toSeconds());
    status.put("socket", identity.socket().toString());
    status.put("socket_inherited", identity.socketInherited());
    status.put("datastore", identity.datastore());
    status.put("node", identity.node());
    status.put("configurations_served", configurations);
    status.put("requests_in_flight", inFlight);
    ObjectNode warmUp = status.putObject("warm_up");
    warmUp.put("rounds", warmedUp.rounds());
    warmUp.put("took_ms", warmedUp.took().toMillis());
    warmUp.put("cpu_ms", warmedUp.cpu().toMillis());
    warmUp.put("finished", warmedUp.finished().toString());
    warmedUp.stoppedEarly().ifPresent(reason -> warmUp.put("stopped_early", reason));
    ObjectNode requests = status.putObject("requests");
    for (Map.Entry<String, RequestStatistics.CommandSummary> entry : statistics.summary().entrySet()) {
      RequestStatistics.CommandSummary summary = entry.getValue();
      ObjectNode command = requests.putObject(entry.getKey());
      command.put("ok", summary.succeeded());
      command.put("error", summary.failed());
      command.put("p50_ms", round(summary.p50Millis()));
      command.put("p90_ms", round(summary.p90Millis()));
      command.put("p99_ms", round(summary.p99Millis()));
      command.put("max_ms", round(summary.maxMillis()));
    }
    try {
      return JSON.writeValueAsBytes(status);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render the agent's status", e);
    }
  }

  private static double round(double millis) {
    return Math.round(millis * 100) / 100.0;
  }
}
