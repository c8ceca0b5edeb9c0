package org.calicomesos.app.agent.command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import org.calicomesos.app.agent.FollowingLoop;
import org.calicomesos.app.agent.LeakCollectionLoop;
import org.calicomesos.app.agent.RouteAgent;
import org.calicomesos.app.agent.serving.PluginRequestServer;
import org.calicomesos.app.agent.serving.RequestHandBack;
import org.calicomesos.app.agent.serving.ServedSocket;
import org.calicomesos.app.agent.serving.AgentWarmUp;
import org.calicomesos.app.agent.serving.WarmUpReport;
import org.calicomesos.app.agentsocket.InheritedListener;
import org.calicomesos.app.config.AgentSocketSetting;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.ConfigurationVariables;
import org.calicomesos.app.config.InvalidConfigurationException;
import org.calicomesos.app.config.LogSettings;
import org.calicomesos.app.config.MetricsSettings;
import org.calicomesos.app.logging.FileLogging;
import org.calicomesos.app.metrics.AgentMetrics;
import org.calicomesos.app.metrics.MetricsServer;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocols;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.app.version.BuildVersionFiles;
import org.calicomesos.ports.CalicoMesosException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent}: this host's long-running agent (systemd starts it; see packaging/systemd). */
@Command(
    name = "agent",
    description = {
        "Run this host's agent until stopped (SIGTERM): it enforces netgroup policy for this host's containers"
            + " in the nftables table 'inet calico_mesos', following the datastore's endpoints and profiles;"
            + " registers this host (its IP: CALICO_HOST_IP / CALICO_HOST_IPV6, else its first global address) and"
            + " keeps a route to every block of every other registered host (route mode direct; repaired every "
            + "10 s) or, in route mode bgp, has BIRD announce this host's blocks (it writes CALICO_BIRD_CONFIG and"
            + " reloads BIRD through CALICO_BIRD_SOCKET), and"
            + " answers the plugin's requests on the Unix socket CALICO_AGENT_SOCKET (default "
            + "/var/run/calico-mesos/agent.sock), or on the one systemd hands it (calico-mesos-agent.socket), so that"
            + " a request need not start a JVM and a datastore client.",
        "Every CALICO_GC_INTERVAL (1m; off for never) it collects this host's leaks: what has been dead for"
            + " CALICO_GC_GRACE (1h), as 'calico-mesos gc' does.",
        "The rules stay in force while it is stopped or restarting; meanwhile requests wait in systemd's socket for"
            + " the next agent, or, with a socket of its own, the plugin answers them itself. It logs to stderr at"
            + " CALICO_LOG_LEVEL, in CALICO_LOG_FORMAT.",
        "It serves Prometheus metrics at http://CALICO_METRICS_ADDRESS:CALICO_METRICS_PORT/metrics"
            + " (127.0.0.1:" + MetricsSettings.DEFAULT_PORT + " by default; CALICO_METRICS_PORT=off serves none)."})
public final class AgentCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger(AgentCommand.class.getName());
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean helpRequested;

  private final Map<String, String> environment;
  private final Supplier<AgentAssembly> assembly;
  private final Function<Configuration, PluginApplication> applications;
  private final PluginProtocols protocols;
  private final AgentWarmUp warmUp;

  @Option(names = "--no-policy",
      description = "Leave netgroup policy alone (the nftables table stays as it is): only serve plugin requests.")
  private boolean noPolicy;

  @Option(names = "--no-routes",
      description = "Program no routes to other hosts' blocks (the routes in force stay as they are) and do not"
          + " register this host.")
  private boolean noRoutes;

  @Option(names = "--no-serve",
      description = "Do not serve plugin requests: the plugin then handles each one in its own process.")
  private boolean noServe;

  /**
   * @param environment the agent's own environment: its settings, its log's, its socket's and its metrics'
   * @param assembly builds the agent's loops and metrics for its own configuration, when it runs
   * @param applications builds the application that answers plugin requests of one configuration
   * @param protocols the plugin protocols the agent serves
   * @param warmUp the rehearsal the agent runs before anything else, in memory
   */
  public AgentCommand(Map<String, String> environment, Supplier<AgentAssembly> assembly,
      Function<Configuration, PluginApplication> applications, PluginProtocols protocols, AgentWarmUp warmUp) {
    this.environment = Map.copyOf(environment);
    this.assembly = assembly;
    this.applications = applications;
    this.protocols = protocols;
    this.warmUp = warmUp;
  }

  /**
   * Runs {@code agent ARGS} and returns its exit status: 0 once stopped, 1 when it cannot start (one line on
   * stderr saying why), 2 for a usage error.
   */
  public int execute(String... args) {
    return execute(System.out, System.err, args);
  }

  /** As above, its help and errors printed to {@code out} and {@code err}. */
  public int execute(PrintStream out, PrintStream err, String... args) {
    return new CommandLine(this).setCommandName("calico-mesos agent")
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
          if (failure instanceof CalicoMesosException) {
            commandLine.getErr().println("error: " + failure.getMessage());
          } else {
            // A bug, not an operator's mistake: keep the trace, it is what a bug report needs.
            commandLine.getErr().println("error: unexpected failure: " + failure);
            failure.printStackTrace(commandLine.getErr());
          }
          return 1;
        })
        .execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    // A service's log belongs on stderr, where systemd's journal keeps it with the unit.
    Map<String, String> env = environment;
    LogSettings logSettings = LogSettings.fromEnvironment(env);
    Optional<Duration> warmUpBudget = ConfigurationReader.agentWarmUp(env);
    AgentAssembly services = assembly.get(); // reads the configuration: a refused one stops the agent here
    // The rehearsal's own request lines would only fill the journal: until it is over, warnings only.
    FileLogging.installFallback(System.err);
    WarmUpReport warmedUp = warmUpBudget.map(warmUp::run).orElseGet(() -> WarmUpReport.off(Instant.now()));
    FileLogging.installStderr(logSettings, System.err);
    LOG.log(Level.INFO, warmedUp.stoppedEarly().isPresent() && warmedUp.rounds() == 0
        ? "no warm-up: " + warmedUp.stoppedEarly().get()
        : "warmed up: " + warmedUp.rounds() + " rounds of rehearsed requests in memory in "
            + warmedUp.took().toMillis() + " ms (" + warmedUp.cpu().toMillis() + " ms of CPU)");
    AgentMetrics metrics = services.agentMetrics();
    RequestLog.observeWith(metrics); // every request this process serves, whoever serves it
    // Metrics are not worth losing policy for: a wrong setting or a taken port is logged, and the agent runs on.
    Optional<MetricsServer> metricsServer = MetricsServer.startAsConfigured(metricsSettings(env), metrics.registry());
    Optional<InheritedListener> inherited = InheritedListener.find();
    PluginRequestServer requests = noServe ? null : serve(env, inherited, warmedUp);
    RequestHandBack handBack = noServe ? inherited.map(RequestHandBack::start).orElse(null) : null;
    FollowingLoop policy = noPolicy ? null : services.policyLoop();
    RouteAgent routes = noRoutes ? null : services.routeAgent();
    Optional<LeakCollectionLoop> collection = collect(env, services, metrics,
        requests == null ? RequestGate.OPEN : requests.ipamGate());
    Thread routeThread = routes == null ? null : new Thread(routes::run, "route-agent");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Requests first: the rules and routes stay. Once the agent's own socket is gone the plugin answers
      // in-process; systemd's socket stays, and queues requests for the next agent.
      if (requests != null) {
        requests.close(STOP_GRACE);
      }
      if (handBack != null) {
        handBack.close();
      }
      collection.ifPresent(LeakCollectionLoop::close);
      if (routes != null) {
        routes.stop(STOP_GRACE);
      }
      if (policy != null) {
        policy.stop(STOP_GRACE);
      }
      metricsServer.ifPresent(MetricsServer::close);
      stopped.countDown();
    }, "agent-stop"));
    try {
      if (routeThread != null) {
        routeThread.start();
      }
      if (policy != null) {
        policy.run();
      } else {
        stopped.await();
      }
    } finally {
      metricsServer.ifPresent(MetricsServer::close);
    }
    return 0;
  }

  /** The collection loop, every CALICO_GC_INTERVAL (none when it is off) with CALICO_GC_GRACE. */
  private static Optional<LeakCollectionLoop> collect(Map<String, String> env, AgentAssembly services,
      AgentMetrics metrics, RequestGate gate) {
    Optional<Duration> interval = ConfigurationReader.gcInterval(env);
    if (interval.isEmpty()) {
      LOG.log(Level.INFO, "CALICO_GC_INTERVAL is off: this agent collects no leaks (calico-mesos gc still does)");
      return Optional.empty();
    }
    Duration grace = ConfigurationReader.forThisMachine().read(ConfigurationVariables.of(env)).gcGrace();
    return Optional.of(LeakCollectionLoop.start(services.leakCollector(), grace, interval.get(), gate, metrics));
  }

  private PluginRequestServer serve(Map<String, String> env, Optional<InheritedListener> inherited,
      WarmUpReport warmedUp) {
    return PluginRequestServer.start(ServedSocket.take(AgentSocketSetting.fromEnvironment(env), inherited),
        ConfigurationReader.forThisMachine(), protocols, env, new BuildVersionFiles().line(), applications, warmedUp);
  }

  private static MetricsSettings metricsSettings(Map<String, String> env) {
    try {
      return ConfigurationReader.metrics(env);
    } catch (InvalidConfigurationException e) {
      LOG.log(Level.ERROR, "no metrics: " + e.getMessage() + "; the agent runs on without them");
      return MetricsSettings.OFF;
    }
  }
}
