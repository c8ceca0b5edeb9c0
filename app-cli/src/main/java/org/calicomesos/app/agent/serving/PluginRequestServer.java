package org.calicomesos.app.agent.serving;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.LogSettings;
import org.calicomesos.app.logging.RequestLogCopy;
import org.calicomesos.app.plugin.ErrorSentences;
import org.calicomesos.app.plugin.JsonResponses;
import org.calicomesos.app.plugin.PluginResponse;
import org.calicomesos.app.plugin.RequestDeadline;
import org.calicomesos.app.plugin.RequestGate;
import org.calicomesos.app.plugin.RequestLog;
import org.calicomesos.app.wiring.AppComponent;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;

/**
 * The agent serving net-modules requests on its Unix socket ({@link AgentWire}), each answered exactly as
 * the plugin process would answer it with the client's configuration, but by an application that is
 * already warm. Requests run side by side on a pool of workers; IPAM commands take turns ({@link HostIpamGate}).
 */
public final class PluginRequestServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PluginRequestServer.class.getName());
  private static final int WORKERS = 16;
  // A client that connects and then sends nothing is cut off after this; bin/calico-mesos sends all at once.
  private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(30);

  private final AgentSocket socket;
  private final ConfigurationReader reader;
  private final ServedConfigurations served;
  private final AgentIdentity identity;
  private final RequestStatistics statistics = new RequestStatistics();
  private final RequestGate gate = new HostIpamGate();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("agent-request"));
  // Every request's deadline and read cut-off; a cancelled one leaves the queue at once, not when it would have run.
  private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, named("agent-watchdog"));
  private final Thread acceptor;
  private volatile boolean closing;

  private PluginRequestServer(AgentSocket socket, ConfigurationReader reader, ServedConfigurations served,
      AgentIdentity identity) {
    this.socket = socket;
    this.reader = reader;
    this.served = served;
    this.identity = identity;
    this.acceptor = new Thread(this::acceptUntilClosed, "agent-accept");
    watchdog.setRemoveOnCancelPolicy(true);
    acceptor.setDaemon(true);
  }

  /**
   * Takes {@code socketPath} and starts answering on it.
   *
   * @param ownEnvironment the agent's own environment: its configuration is named in {@code status}, and warmed
   *     up at once (the plugin on this host has the same settings, as a rule)
   * @throws CalicoMesosException when another agent serves the socket or it cannot be created
   */
  public static PluginRequestServer start(Path socketPath, ConfigurationReader reader,
      Map<String, String> ownEnvironment, String version, Function<Configuration, AppComponent> build) {
    Map<String, String> ownSettings = AgentWire.configurationOf(ownEnvironment);
    Configuration own = reader.read(ownSettings);
    AgentIdentity identity = new AgentIdentity(version, ProcessHandle.current().pid(), Instant.now(), socketPath,
        own.describeDatastore(), own.nodeName().toString());
    PluginRequestServer server = new PluginRequestServer(AgentSocket.bind(socketPath), reader,
        new ServedConfigurations(build), identity);
    server.acceptor.start();
    LOG.log(System.Logger.Level.INFO, "serving plugin requests on {0}", socketPath);
    server.workers.execute(() -> server.warmUp(ownSettings, own));
    return server;
  }

  // Connects the datastore client and runs the IPAM read path once, so that the first container's requests
  // do not pay for it. A failure (the datastore is down) only means the first request will.
  private void warmUp(Map<String, String> settings, Configuration configuration) {
    try (ServedConfigurations.Lease lease = served.lease(settings, configuration)) {
      lease.component().pools().list();
      LOG.log(System.Logger.Level.DEBUG, "warmed up the datastore client for {0}", configuration.describeDatastore());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not warm up the datastore client: {0}", e.toString());
    }
  }

  private void acceptUntilClosed() {
    while (!closing) {
      SocketChannel connection;
      try {
        connection = socket.accept();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closing) {
          LOG.log(System.Logger.Level.WARNING, "cannot accept a connection on " + socket.path(), e);
        }
        continue;
      }
      try {
        workers.execute(() -> serve(connection));
      } catch (RejectedExecutionException e) {
        AgentSocket.closeQuietly(connection); // stopping: the client falls back to answering in-process
      }
    }
  }

  private void serve(SocketChannel connection) {
    inFlight.incrementAndGet();
    ScheduledFuture<?> cutOff = watchdog.schedule(() -> AgentSocket.closeQuietly(connection),
        FRAME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    try (connection) {
      InputStream in = new BufferedInputStream(Channels.newInputStream(connection));
      OutputStream out = Channels.newOutputStream(connection);
      AgentFrame frame;
      try {
        frame = AgentWire.read(in);
      } catch (AgentWire.MalformedFrameException e) {
        out.write(JsonResponses.error("the calico-mesos agent cannot read this request: " + e.getMessage()).body());
        return;
      } finally {
        cutOff.cancel(false);
      }
      if (frame instanceof AgentFrame.Plugin plugin) {
        answer(plugin, out, connection);
      } else {
        out.write(AgentStatusReport.render(identity, Instant.now(), statistics, served.size(), inFlight.get() - 1));
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "a client went away before its answer: {0}", e.toString());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void answer(AgentFrame.Plugin frame, OutputStream out, SocketChannel connection) throws IOException {
    long started = System.nanoTime();
    RequestLog requestLog = RequestLog.start();
    LogSettings logSettings = null;
    String logRefusal = null;
    try {
      logSettings = LogSettings.fromEnvironment(frame.environment());
    } catch (CalicoMesosException e) {
      logRefusal = e.getMessage();
    }
    // The request's lines go where its configuration says, as the plugin process would write them.
    try (RequestLogCopy copy = logSettings == null ? null : RequestLogCopy.start(logSettings, System.err)) {
      RequestDeadline[] deadline = new RequestDeadline[1];
      PluginResponse response = respond(frame, logRefusal, requestLog, timeout -> deadline[0] =
          RequestDeadline.start(timeout, out, () -> AgentSocket.closeQuietly(connection), requestLog, watchdog));
      boolean answered = deadline[0] == null || deadline[0].claimResponse();
      if (deadline[0] != null) {
        deadline[0].close();
      }
      statistics.record(requestLog.command().orElse("invalid"), answered && response.success(),
          System.nanoTime() - started);
      if (!answered) {
        return; // the deadline answered for it and closed the connection
      }
      try {
        out.write(response.body());
      } finally {
        requestLog.finish(response.error());
      }
    }
  }

  // The same steps, in the same order, as the plugin process (PluginProcess), so that both answer alike.
  private PluginResponse respond(AgentFrame.Plugin frame, String logRefusal, RequestLog requestLog,
      Consumer<Duration> startDeadline) {
    try {
      if (logRefusal != null) {
        return JsonResponses.error(frame.refused() != null ? frame.refused() : logRefusal);
      }
      if (frame.refused() != null) {
        return JsonResponses.error(frame.refused());
      }
      Configuration configuration;
      try {
        configuration = reader.read(frame.environment());
      } catch (CalicoMesosException e) {
        return JsonResponses.error(e.getMessage());
      }
      LOG.log(System.Logger.Level.DEBUG, () -> "configuration: " + configuration.summary()); // built only when logged
      startDeadline.accept(configuration.requestTimeout());
      try (ServedConfigurations.Lease lease = served.lease(frame.environment(), configuration)) {
        PluginResponse response = lease.component().netModulesEndpoint().handle(frame.request(), requestLog, gate);
        if (requestLog.failure().filter(DatastoreUnavailableException.class::isInstance).isPresent()) {
          lease.discard();
        }
        return response;
      }
    } catch (Throwable failure) {
      LOG.log(System.Logger.Level.ERROR, "unexpected failure serving a plugin request", failure);
      return JsonResponses.error(ErrorSentences.describe(failure, "the calico-mesos agent's log"));
    }
  }

  /**
   * Stops taking requests (the socket file goes, so clients answer in-process from then on), lets those under
   * way finish for up to {@code grace}, then closes the datastore clients.
   */
  public void close(Duration grace) {
    closing = true;
    socket.close();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "{0} plugin requests were still running when the agent stopped",
            inFlight.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watchdog.shutdownNow();
    served.close();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
