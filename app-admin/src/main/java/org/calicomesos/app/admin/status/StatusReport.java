package org.calicomesos.app.admin.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.KeyValueLines;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.app.admin.pool.PoolFields;
import org.calicomesos.app.agentsocket.AgentStatusClient;
import org.calicomesos.ports.ipam.PoolUsage;

/** What {@code status} found: the agent, the datastore and its pools, and the problems, one sentence each. */
record StatusReport(AgentStatusClient.Answer answer, Optional<JsonNode> agent, String datastore,
    Optional<String> datastoreError, Optional<List<PoolUsage>> pools, List<String> problems) implements Report {

  @Override
  public void printText(PrintStream out) {
    KeyValueLines lines = new KeyValueLines();
    if (agent.isPresent()) {
      JsonNode status = agent.get();
      lines.line("agent", "serving on " + status.path("socket").asText("?") + socketOrigin(status) + ", "
          + status.path("version").asText("?") + ", pid " + status.path("pid").asText("?") + ", up "
          + uptime(status.path("uptime_seconds").asLong()));
      lines.line("agent node", status.path("node").asText("?"));
      lines.line("agent datastore", status.path("datastore").asText("?"));
      warmUp(status.path("warm_up")).ifPresent(text -> lines.line("agent warm-up", text));
    } else {
      lines.line("agent", "not serving: " + ((AgentStatusClient.Answer.NotServing) answer).reason());
    }
    lines.line("datastore", datastore + datastoreError.map(error -> ": cannot be read").orElse(": reachable"));
    lines.print(out);
    agent.ifPresent(status -> printRequests(status.path("requests"), out));
    pools.ifPresent(list -> {
      out.println();
      if (list.isEmpty()) {
        out.println("no IP pools yet; the first allocate creates the default ones");
      } else {
        PoolFields.printTable(list, out);
      }
    });
    out.println();
    if (problems.isEmpty()) {
      out.println("no problems");
    } else {
      problems.forEach(problem -> out.println("problem: " + problem));
    }
  }

  // When the agent's warm-up finished and what it ran, or why it stopped early (absent from an older agent).
  private static Optional<String> warmUp(JsonNode warmUp) {
    if (warmUp.isMissingNode()) {
      return Optional.empty();
    }
    String ran = warmUp.path("rounds").asInt() + " rounds in " + warmUp.path("took_ms").asLong() + " ms ("
        + warmUp.path("cpu_ms").asLong() + " ms of CPU), finished " + warmUp.path("finished").asText("?");
    JsonNode stopped = warmUp.path("stopped_early");
    if (stopped.isMissingNode()) {
      return Optional.of(ran);
    }
    return Optional.of(warmUp.path("rounds").asInt() == 0 ? "none: " + stopped.asText()
        : ran + "; stopped early: " + stopped.asText());
  }

  // Whether requests wait for the agent while it restarts (systemd's socket) or fall back to the plugin process.
  private static String socketOrigin(JsonNode status) {
    JsonNode inherited = status.path("socket_inherited");
    if (inherited.isMissingNode()) {
      return ""; // an agent older than this command
    }
    return inherited.asBoolean() ? " (socket from systemd)" : " (its own socket)";
  }

  private static void printRequests(JsonNode requests, PrintStream out) {
    out.println();
    if (requests.isEmpty()) {
      out.println("the agent has served no requests yet");
      return;
    }
    TextTable table = new TextTable(Column.left("COMMAND"), Column.right("OK"), Column.right("ERROR"),
        Column.right("P50 MS"), Column.right("P90 MS"), Column.right("P99 MS"), Column.right("MAX MS"));
    for (Iterator<Map.Entry<String, JsonNode>> it = requests.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> command = it.next();
      JsonNode counts = command.getValue();
      table.row(command.getKey(), counts.path("ok").asLong(), counts.path("error").asLong(),
          counts.path("p50_ms").asText(), counts.path("p90_ms").asText(), counts.path("p99_ms").asText(),
          counts.path("max_ms").asText());
    }
    table.print(out);
  }

  static String uptime(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
    return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    if (agent.isPresent()) {
      json.set("agent", agent.get().deepCopy());
    } else {
      ObjectNode none = json.putObject("agent");
      none.put("serving", false);
      none.put("reason", ((AgentStatusClient.Answer.NotServing) answer).reason());
    }
    ObjectNode store = json.putObject("datastore");
    store.put("description", datastore);
    store.put("reachable", datastoreError.isEmpty());
    store.put("error", datastoreError.orElse(null));
    if (pools.isPresent()) {
      json.set("pools", PoolFields.json(pools.get()));
    } else {
      json.putNull("pools");
    }
    ArrayNode list = json.putArray("problems");
    problems.forEach(list::add);
    return json;
  }
}
