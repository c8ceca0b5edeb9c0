package org.calicomesos.app.admin.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.app.agentsocket.AgentStatusClient;
import org.calicomesos.app.config.AgentSocketSetting;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.ipam.PoolUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: is this host's agent serving, is the datastore reachable, how full are the pools. */
@Command(name = "status", description = {
    "Show whether this host's agent serves plugin requests, whether the datastore is reachable, and pool usage.",
    "The agent's part: its version, uptime, datastore, and per command its request counts with latency"
        + " percentiles. Then one line per problem; exits 0 when there is none, 1 when there is one or more."})
public final class StatusCommand implements Callable<Integer> {
  /** A pool this full is a problem: the next hosts to claim a block may find none. */
  static final int FULL_PERCENT = 90;
  private static final Duration AGENT_TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Invocation invocation;

  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  public StatusCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    List<String> problems = new ArrayList<>();
    String datastore = invocation.useCases().datastoreDescription();

    AgentStatusClient.Answer answer =
        AgentStatusClient.ask(AgentSocketSetting.fromEnvironment(System.getenv()), AGENT_TIMEOUT);
    Optional<JsonNode> agent = Optional.empty();
    if (answer instanceof AgentStatusClient.Answer.Serving serving) {
      agent = Optional.of(parse(serving.json(), problems));
      agent.map(status -> status.path("datastore").asText(""))
          .filter(theirs -> !theirs.isEmpty() && !theirs.equals(datastore))
          .ifPresent(theirs -> problems.add("the agent uses " + theirs + " while this configuration names " + datastore
              + ": requests it serves use the plugin's own configuration, but its policy follows " + theirs));
    } else {
      problems.add("the agent does not serve plugin requests: " + ((AgentStatusClient.Answer.NotServing) answer).reason()
          + "; each request then starts a JVM ('systemctl start calico-mesos-agent')");
    }

    Optional<List<PoolUsage>> pools = Optional.empty();
    String unreachable = null;
    try {
      pools = Optional.of(invocation.useCases().ipamOverview().show(Optional.empty()).pools());
    } catch (CalicoMesosException e) {
      unreachable = e.getMessage();
      problems.add("the datastore (" + datastore + ") cannot be read: " + e.getMessage());
    }
    pools.ifPresent(list -> list.forEach(pool -> fullness(pool).ifPresent(problems::add)));

    output.print(new StatusReport(answer, agent, datastore, Optional.ofNullable(unreachable), pools, problems),
        invocation.out());
    return problems.isEmpty() ? 0 : 1;
  }

  private static JsonNode parse(String json, List<String> problems) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      problems.add("the agent's status answer is not JSON: " + e.getMessage());
      return JSON.createObjectNode();
    }
  }

  private static Optional<String> fullness(PoolUsage usage) {
    if (usage.capacity().signum() == 0) {
      return Optional.empty();
    }
    int percent = BigInteger.valueOf(usage.allocated()).multiply(BigInteger.valueOf(100))
        .divide(usage.capacity()).intValue();
    if (percent < FULL_PERCENT) {
      return Optional.empty();
    }
    return Optional.of("pool " + usage.pool().cidr().toCanonicalString() + " is " + percent + " % used ("
        + usage.allocated() + " of " + usage.capacity() + " addresses); add a pool with 'calico-mesos pool add CIDR'");
  }
}
