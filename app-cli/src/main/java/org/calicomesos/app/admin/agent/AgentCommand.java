package org.calicomesos.app.admin.agent;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.AdminServices;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.agent.PolicyAgent;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.InvalidConfigurationException;
import org.calicomesos.app.config.LogSettings;
import org.calicomesos.app.config.MetricsSettings;
import org.calicomesos.app.logging.FileLogging;
import org.calicomesos.app.metrics.AgentMetrics;
import org.calicomesos.app.metrics.MetricsServer;
import org.calicomesos.app.plugin.RequestLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code agent}: this host's long-running agent (systemd starts it; see packaging/systemd). */
@Command(
    name = "agent",
    description = {
        "Run this host's agent until stopped (SIGTERM): it enforces netgroup policy for this host's containers"
            + " in the nftables table 'inet calico_mesos', following the datastore's endpoints and profiles.",
        "The rules stay in force while it is stopped or restarting; it logs to stderr at CALICO_LOG_LEVEL, in CALICO_LOG_FORMAT.",
        "It serves Prometheus metrics at http://CALICO_METRICS_ADDRESS:CALICO_METRICS_PORT/metrics"
            + " (127.0.0.1:" + MetricsSettings.DEFAULT_PORT + " by default; CALICO_METRICS_PORT=off serves none)."})
public final class AgentCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger(AgentCommand.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Invocation invocation;

  @Mixin private HelpOption help;

  public AgentCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    // A service's log belongs on stderr, where systemd's journal keeps it with the unit.
    FileLogging.installStderr(LogSettings.fromEnvironment(System.getenv()), System.err);
    AdminServices services = invocation.services();
    PolicyAgent agent = services.policyAgent();
    AgentMetrics metrics = services.agentMetrics();
    RequestLog.observeWith(metrics); // every request this process serves, whoever serves it
    // Metrics are not worth losing policy for: a wrong setting or a taken port is logged, and the agent runs on.
    Optional<MetricsServer> server = MetricsServer.startAsConfigured(metricsSettings(), metrics.registry());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.stop(STOP_GRACE);
      server.ifPresent(MetricsServer::close);
    }, "agent-stop"));
    try {
      agent.run();
    } finally {
      server.ifPresent(MetricsServer::close);
    }
    return 0;
  }

  private static MetricsSettings metricsSettings() {
    try {
      return ConfigurationReader.metrics(System.getenv());
    } catch (InvalidConfigurationException e) {
      LOG.log(Level.ERROR, "no metrics: " + e.getMessage() + "; the agent runs on without them");
      return MetricsSettings.OFF;
    }
  }
}
