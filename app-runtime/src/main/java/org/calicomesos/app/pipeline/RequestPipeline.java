package org.calicomesos.app.pipeline;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.LogSettings;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;

/**
 * The steps every plugin request takes, whichever protocol it speaks and whoever serves it (the plugin process
 * over stdin and stdout, the agent over its socket), in this order: its log set up as its configuration says,
 * its configuration read, its deadline started, its application leased, its protocol's endpoint run behind the
 * gate, and exactly one answer written (the request's or the deadline's) with exactly one request line.
 * Every failure on the way is answered in the protocol's error form.
 */
public final class RequestPipeline {
  private static final System.Logger LOG = System.getLogger(RequestPipeline.class.getName());

  private final ConfigurationReader reader;
  private final PluginApplications applications;
  private final RequestLogging logging;
  private final RequestGate gate;
  private final DeadlineClock clock;
  private final Function<LogSettings, String> failureLogLocation;

  /**
   * @param failureLogLocation where an unexpected failure's stack trace goes, as the error sentence names it, given
   *     the request's log settings
   */
  public RequestPipeline(ConfigurationReader reader, PluginApplications applications, RequestLogging logging,
      RequestGate gate, DeadlineClock clock, Function<LogSettings, String> failureLogLocation) {
    this.reader = reader;
    this.applications = applications;
    this.logging = logging;
    this.gate = gate;
    this.clock = clock;
    this.failureLogLocation = failureLogLocation;
  }

  /**
   * How one request ended: whether its answer went out and was a success, or whether its deadline answered
   * instead and abandons it (the transport then ends the request's process or connection).
   */
  public record Outcome(boolean success, boolean abandoned) {}

  /** Answers {@code request} into {@code sink}; never throws. */
  public Outcome run(PluginRequest request, ResponseSink sink) {
    RequestLog requestLog = RequestLog.start();
    PluginProtocol protocol = request.protocol();
    Map<String, String> environment = request.environment();
    PluginResponse refusal = null;
    if (request.refused() == null) {
      try {
        environment = protocol.configurationEnvironment(request);
      } catch (RequestRefusedException e) {
        refusal = e.response();
      }
    }
    LogSettings logSettings;
    RequestLogging.Scope logScope;
    try {
      logSettings = LogSettings.fromEnvironment(environment);
      logScope = logging.open(logSettings);
    } catch (RuntimeException e) {
      // With no log to write it to, it goes where warnings go until a log is set up.
      LOG.log(System.Logger.Level.ERROR, "configuration refused: " + e.getMessage());
      String sentence = e instanceof CalicoMesosException ? e.getMessage() : "cannot set up the log: " + e;
      PluginResponse response = request.refused() != null
          ? protocol.error(request, FailureKind.REFUSED_INPUT, request.refused())
          : refusal != null ? refusal : protocol.error(request, FailureKind.CONFIGURATION, sentence);
      return answer(response, sink, requestLog);
    }
    try (RequestLogging.Scope scope = logScope) {
      if (request.refused() != null) {
        return answer(protocol.error(request, FailureKind.REFUSED_INPUT, request.refused()), sink, requestLog);
      }
      if (refusal != null) {
        return answer(refusal, sink, requestLog);
      }
      Configuration configuration;
      try {
        configuration = reader.read(environment);
      } catch (RuntimeException e) {
        return answer(protocol.error(request, FailureKind.CONFIGURATION, sentence(e, protocol, logSettings)), sink,
            requestLog);
      }
      LOG.log(System.Logger.Level.DEBUG, () -> "configuration: " + configuration.summary()); // built only when logged
      try (RequestDeadline deadline = RequestDeadline.start(configuration.requestTimeout(), request, sink, requestLog,
          clock)) {
        PluginResponse response = serve(request, environment, configuration, requestLog, logSettings,
            deadline.guarding(gate));
        if (!deadline.claimResponse()) {
          return new Outcome(false, true); // the deadline answered, and abandons the request
        }
        return answer(response, sink, requestLog);
      }
    }
  }

  private PluginResponse serve(PluginRequest request, Map<String, String> environment, Configuration configuration,
      RequestLog requestLog, LogSettings logSettings, RequestGate gate) {
    PluginProtocol protocol = request.protocol();
    try (PluginApplications.Lease lease = applications.lease(environment, configuration)) {
      PluginResponse response = lease.endpoint(protocol).handle(request, requestLog, gate);
      if (requestLog.failure().filter(DatastoreUnavailableException.class::isInstance).isPresent()) {
        lease.discard();
      }
      return response;
    } catch (Throwable failure) {
      // Catching Throwable on purpose, e.g. a class missing from a broken install: still answer in the protocol's form.
      FailureKind kind = failure instanceof DatastoreUnavailableException ? FailureKind.DATASTORE_UNAVAILABLE
          : FailureKind.INTERNAL;
      return protocol.error(request, kind, sentence(failure, protocol, logSettings));
    }
  }

  private String sentence(Throwable failure, PluginProtocol protocol, LogSettings logSettings) {
    if (!(failure instanceof CalicoMesosException)) {
      LOG.log(System.Logger.Level.ERROR, "unexpected failure serving a " + protocol.name() + " request", failure);
    }
    return ErrorSentences.describe(failure, failureLogLocation.apply(logSettings));
  }

  private static Outcome answer(PluginResponse response, ResponseSink sink, RequestLog requestLog) {
    try {
      sink.write(response, requestLog.command());
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot write the response: {0}", e.toString());
      requestLog.finish("cannot write the response: " + e.getClass().getSimpleName());
      return new Outcome(false, false);
    }
    requestLog.finish(response.error());
    return new Outcome(response.success(), false);
  }
}
