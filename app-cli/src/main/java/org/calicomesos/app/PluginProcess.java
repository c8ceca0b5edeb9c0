package org.calicomesos.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.LogSettings;
import org.calicomesos.app.logging.FileLogging;
import org.calicomesos.app.plugin.BoundedInput;
import org.calicomesos.app.plugin.ErrorSentences;
import org.calicomesos.app.plugin.JsonResponses;
import org.calicomesos.app.plugin.NetModulesEndpoint;
import org.calicomesos.app.plugin.PluginResponse;
import org.calicomesos.app.plugin.RequestDeadline;
import org.calicomesos.app.plugin.RequestLog;
import org.calicomesos.app.wiring.AppComponent;
import org.calicomesos.ports.CalicoMesosException;

/**
 * One net-modules request as a process (docs/net-modules-protocol.md, "Responses" and "Exit status"): read stdin to
 * EOF, answer exactly one JSON object on stdout, exit 0 on success and 1 on failure — including failures before the
 * endpoint exists — and log exactly one request line ({@link RequestLog}) for it, whoever answers.
 */
final class PluginProcess {
  private static final System.Logger LOG = System.getLogger(PluginProcess.class.getName());
  /** Set by bin/calico-mesos to the socket it tried when the agent did not take the request. */
  static final String AGENT_FALLBACK_PROPERTY = "calico.agent.fallback";

  private PluginProcess() {}

  static int run(InputStream stdin, OutputStream stdout, PrintStream stderr, Map<String, String> env,
      ConfigurationReader reader) {
    return run(stdin, stdout, stderr, env, reader, () -> Runtime.getRuntime().halt(1));
  }

  /** As above; {@code halt} ends the process when the request deadline passes (tests record it instead). */
  static int run(InputStream stdin, OutputStream stdout, PrintStream stderr, Map<String, String> env,
      ConfigurationReader reader, Runnable halt) {
    RequestLog requestLog = RequestLog.start();
    RequestDeadline[] deadline = new RequestDeadline[1];
    PluginResponse response;
    try {
      response = respond(stdin, stderr, env, reader, requestLog,
          timeout -> deadline[0] = RequestDeadline.start(timeout, stdout, halt, requestLog));
    } catch (Throwable failure) {
      // Last resort, e.g. a class missing from a broken install: still answer in JSON.
      response = JsonResponses.error(ErrorSentences.describe(failure, "stderr"));
      failure.printStackTrace(stderr);
    }
    if (deadline[0] != null) {
      if (!deadline[0].claimResponse()) {
        return waitForHalt();
      }
      deadline[0].close();
    }
    try {
      stdout.write(response.body());
      stdout.flush();
    } catch (IOException e) {
      stderr.println("calico-mesos: cannot write the response: " + e);
      requestLog.finish("cannot write the response: " + e.getClass().getSimpleName());
      return 1;
    }
    requestLog.finish(response.error());
    return response.success() ? 0 : 1;
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

  // Failures here are logged by the request line alone, except a wrong log setting: with no log to write it
  // to, it is said on stderr, where warnings and errors go until the log is set up. Stdin is read first, as
  // the agent expects it to be, also when the answer is an error.
  private static PluginResponse respond(InputStream stdin, PrintStream stderr, Map<String, String> env,
      ConfigurationReader reader, RequestLog requestLog, Consumer<Duration> startDeadline) throws IOException {
    FileLogging.installFallback(stderr);
    byte[] request = null;
    String refused = null;
    try {
      request = BoundedInput.readAll(stdin, NetModulesEndpoint.MAX_REQUEST_BYTES);
    } catch (CalicoMesosException e) {
      refused = e.getMessage();
    }
    try {
      FileLogging.install(LogSettings.fromEnvironment(env), stderr);
    } catch (CalicoMesosException e) {
      LOG.log(System.Logger.Level.ERROR, "configuration refused: " + e.getMessage());
      return JsonResponses.error(refused != null ? refused : e.getMessage());
    }
    String agentSocket = System.getProperty(AGENT_FALLBACK_PROPERTY);
    if (agentSocket != null) {
      LOG.log(System.Logger.Level.WARNING, "the calico-mesos agent did not take this request on {0}"
          + " (a socket file without an agent behind it); answering it in this process", agentSocket);
    }
    if (refused != null) {
      return JsonResponses.error(refused);
    }
    Configuration configuration;
    try {
      configuration = reader.read(env);
    } catch (CalicoMesosException e) {
      return JsonResponses.error(e.getMessage());
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "configuration: " + configuration.summary()); // built only when logged
    startDeadline.accept(configuration.requestTimeout());
    AppComponent component = AppComponent.create(configuration);
    try {
      return component.netModulesEndpoint().handle(request, requestLog);
    } finally {
      component.openResources().close();
    }
  }
}
