package org.calicomesos.app.agent.serving;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.calicomesos.app.agentsocket.AgentFrame;
import org.calicomesos.app.agentsocket.AgentSocket;
import org.calicomesos.app.agentsocket.AgentWire;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.ConfigurationVariables;
import org.calicomesos.app.logging.RequestLogCopy;
import org.calicomesos.app.pipeline.DeadlineClock;
import org.calicomesos.app.pipeline.PluginApplication;
import org.calicomesos.app.pipeline.PluginProtocols;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestPipeline;
import org.calicomesos.app.pipeline.ResponseSink;
import org.calicomesos.ports.CalicoMesosException;

/**
 * The agent serving plugin requests on its Unix socket ({@link AgentWire}), each answered by the same
 * {@link RequestPipeline} as the plugin process runs, with the client's configuration, but by an application that
 * is already warm. Requests run side by side on a pool of workers; IPAM commands take turns ({@link HostIpamGate}).
 */
public final class PluginRequestServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PluginRequestServer.class.getName());
  private static final int WORKERS = 16;
  // A client that connects and then sends nothing is cut off after this; bin/calico-mesos sends all at once.
  private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(30);

  private final AgentSocket socket;
  private final PluginProtocols protocols;
  private final ServedConfigurations served;
  private final RequestPipeline pipeline;
  private final AgentIdentity identity;
  private final WarmUpReport warmedUp;
  private final RequestStatistics statistics = new RequestStatistics();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("agent-request"));
  // Every request's deadline and read cut-off; a cancelled one leaves the queue at once, not when it would have run.
  private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, named("agent-watchdog"));
  private final Thread acceptor;
  private final HostIpamGate ipamGate = new HostIpamGate();
  private volatile boolean closing;

  private PluginRequestServer(AgentSocket socket, ConfigurationReader reader, PluginProtocols protocols,
      ServedConfigurations served, AgentIdentity identity, WarmUpReport warmedUp) {
    this.socket = socket;
    this.warmedUp = warmedUp;
    this.protocols = protocols;
    this.served = served;
    this.identity = identity;
    // The request's lines go where its configuration says, as the plugin process would write them.
    this.pipeline = new RequestPipeline(reader, served, settings -> RequestLogCopy.start(settings, System.err)::close,
        ipamGate, DeadlineClock.on(watchdog), settings -> "the calico-mesos agent's log");
    this.acceptor = new Thread(this::acceptUntilClosed, "agent-accept");
    watchdog.setRemoveOnCancelPolicy(true);
    acceptor.setDaemon(true);
  }

  /** The gate this host's IPAM requests pass one at a time, for the agent's own work that must not run among them. */
  public RequestGate ipamGate() {
    return ipamGate;
  }

  /**
   * Starts answering on {@code socket} ({@link ServedSocket}); closing the server closes it.
   *
   * @param ownEnvironment the agent's own environment: its configuration is named in {@code status}, and warmed
   *     up at once (the plugin on this host has the same settings, as a rule)
   * @param warmedUp how the agent's warm-up went, which {@code status} reports
   * @throws CalicoMesosException when the agent's own configuration is refused
   */
  public static PluginRequestServer start(AgentSocket socket, ConfigurationReader reader, PluginProtocols protocols,
      Map<String, String> ownEnvironment, String version, Function<Configuration, PluginApplication> build,
      WarmUpReport warmedUp) {
    Map<String, String> ownSettings = ConfigurationVariables.of(ownEnvironment);
    Configuration own;
    try {
      own = reader.read(ownSettings);
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
    AgentIdentity identity = new AgentIdentity(version, ProcessHandle.current().pid(), Instant.now(), socket.path(),
        socket.inherited(), own.describeDatastore(), own.nodeName().toString());
    PluginRequestServer server = new PluginRequestServer(socket, reader, protocols, new ServedConfigurations(build),
        identity, warmedUp);
    server.acceptor.start();
    LOG.log(System.Logger.Level.INFO, "serving plugin requests on {0}{1}", socket.path(),
        socket.inherited() ? " (socket from systemd)" : "");
    server.workers.execute(() -> server.warmUp(ownSettings, own));
    return server;
  }

  // Connects the datastore client and runs the IPAM read path once, so that the first container's requests
  // do not pay for it. A failure (the datastore is down) only means the first request will.
  private void warmUp(Map<String, String> settings, Configuration configuration) {
    try (ServedConfigurations.ServedLease lease = served.lease(settings, configuration)) {
      lease.application().warmUp();
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
        AgentSocket.closeQuietly(connection); // stopping, the request unread: the client sends it again or answers it
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
        frame = AgentWire.read(in, protocols::find);
      } catch (AgentWire.MalformedFrameException e) {
        AgentWire.writeAnswer(UnreadableFrame.answer(e), out);
        return;
      } finally {
        cutOff.cancel(false);
      }
      if (frame instanceof AgentFrame.Plugin plugin) {
        answer(plugin.request(), out, connection);
      } else {
        out.write(AgentStatusReport.render(identity, warmedUp, Instant.now(), statistics, served.size(),
            inFlight.get() - 1));
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "a client went away before its answer: {0}", e.toString());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void answer(PluginRequest request, OutputStream out, SocketChannel connection) {
    long started = System.nanoTime();
    pipeline.run(request, new ResponseSink() {
      @Override
      public void write(PluginResponse response, Optional<String> command) throws IOException {
        // Counted before the client has its answer, so that a status it asks next includes it.
        statistics.record(command.orElse("invalid"), response.success(), System.nanoTime() - started);
        AgentWire.writeAnswer(response, out);
      }

      @Override
      public void abandon() {
        AgentSocket.closeQuietly(connection); // the deadline answered for the request
      }
    });
  }

  /**
   * Stops taking requests (a socket of its own goes, so clients answer in-process from then on; systemd's stays
   * and queues them for the next agent), lets those under way finish for up to {@code grace}, then closes the
   * datastore clients.
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
