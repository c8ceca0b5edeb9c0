package org.calicomesos.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.logging.FileLogging;
import org.calicomesos.app.pipeline.ApplicationPerRequest;
import org.calicomesos.app.pipeline.DeadlineClock;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLogging;
import org.calicomesos.app.pipeline.RequestPipeline;
import org.calicomesos.app.pipeline.ResponseSink;
import org.calicomesos.app.wiring.PluginComponent;

/**
 * One plugin request as a process (docs/net-modules-protocol.md): stdin read to EOF, the request pipeline run on
 * an application built for it, exactly one answer on stdout, exit 0 on success and 1 on failure, including
 * failures before the application exists, and exactly one request line in the log, whoever answers.
 */
public final class PluginProcess {
  private static final System.Logger LOG = System.getLogger(PluginProcess.class.getName());
  /** Set by bin/calico-mesos to the socket it tried when the agent did not take the request. */
  static final String AGENT_FALLBACK_PROPERTY = "calico.agent.fallback";

  private PluginProcess() {}

  static int run(PluginProtocol protocol, InputStream stdin, OutputStream stdout, PrintStream stderr,
      Map<String, String> env, ConfigurationReader reader) {
    return run(protocol, stdin, stdout, stderr, env, reader, PluginComponent::create);
  }

  /**
   * As above, on the application {@code application} builds for the request: {@link PluginComponent}'s graph in
   * production; the crash matrix's test graph wraps its store and dataplane (app-cli's test sources, {@code crash}).
   */
  public static int run(PluginProtocol protocol, InputStream stdin, OutputStream stdout, PrintStream stderr,
      Map<String, String> env, ConfigurationReader reader, Function<Configuration, PluginApplication> application) {
    return run(protocol, stdin, stdout, stderr, env, reader, application, () -> Runtime.getRuntime().halt(1));
  }

  /** As above; {@code halt} ends the process when the request deadline passes (tests record it instead). */
  static int run(PluginProtocol protocol, InputStream stdin, OutputStream stdout, PrintStream stderr,
      Map<String, String> env, ConfigurationReader reader, Runnable halt) {
    return run(protocol, stdin, stdout, stderr, env, reader, PluginComponent::create, halt);
  }

  private static int run(PluginProtocol protocol, InputStream stdin, OutputStream stdout, PrintStream stderr,
      Map<String, String> env, ConfigurationReader reader, Function<Configuration, PluginApplication> application,
      Runnable halt) {
    // Warnings and errors go to stderr until the request's log is set up.
    FileLogging.installFallback(stderr);
    PluginRequest request = read(protocol, stdin, env);
    RequestLogging logging = settings -> {
      FileLogging.install(settings, stderr);
      warnIfTheAgentWasTried();
      return RequestLogging.Scope.NONE;
    };
    RequestPipeline pipeline = new RequestPipeline(reader, new ApplicationPerRequest(application), logging,
        RequestGate.OPEN, DeadlineClock.ownThread(), settings -> settings.file().toString());
    RequestPipeline.Outcome outcome = pipeline.run(request, new ResponseSink() {
      @Override
      public void write(PluginResponse response, Optional<String> command) throws IOException {
        stdout.write(response.body());
        stdout.flush();
      }

      @Override
      public void abandon() {
        halt.run();
      }
    });
    if (outcome.abandoned()) {
      return waitForHalt();
    }
    return outcome.success() ? 0 : 1;
  }

  // Stdin is read first and whole, as the agent expects it to be, also when the answer is an error.
  private static PluginRequest read(PluginProtocol protocol, InputStream stdin, Map<String, String> env) {
    try {
      return PluginRequest.read(protocol, env, stdin);
    } catch (IOException e) {
      return PluginRequest.refused(protocol, env, "calico-mesos cannot read the request from stdin: " + e.getMessage());
    }
  }

  private static void warnIfTheAgentWasTried() {
    String agentSocket = System.getProperty(AGENT_FALLBACK_PROPERTY);
    if (agentSocket != null) {
      LOG.log(System.Logger.Level.WARNING, "the calico-mesos agent did not take this request on {0}"
          + " (a socket file without an agent behind it); answering it in this process", agentSocket);
    }
  }

  // The deadline has answered and is halting the JVM; returning now could let exit cut its answer short.
  private static int waitForHalt() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 1;
  }
}
