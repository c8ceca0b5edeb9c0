package org.calicomesos.app.admin.agent;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.agent.PolicyAgent;
import org.calicomesos.app.config.LogSettings;
import org.calicomesos.app.logging.FileLogging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code agent}: this host's long-running agent (systemd starts it; see packaging/systemd). */
@Command(
    name = "agent",
    description = {
        "Run this host's agent until stopped (SIGTERM): it enforces netgroup policy for this host's containers"
            + " in the nftables table 'inet calico_mesos', following the datastore's endpoints and profiles.",
        "The rules stay in force while it is stopped or restarting; it logs to stderr at CALICO_LOG_LEVEL, in CALICO_LOG_FORMAT."})
public final class AgentCommand implements Callable<Integer> {
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
    PolicyAgent agent = invocation.services().policyAgent();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> agent.stop(STOP_GRACE), "agent-stop"));
    agent.run();
    return 0;
  }
}
