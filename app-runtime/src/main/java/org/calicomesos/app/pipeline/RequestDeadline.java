package org.calicomesos.app.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The last word on a request that overruns {@code CALICO_REQUEST_TIMEOUT}: the Mesos agent waits for the
 * plugin with no timeout of its own and stalls every container start on the host meanwhile, so when the
 * deadline passes this answers the protocol's error itself and abandons the request. Whoever first claims the
 * response (the request or the deadline) is the only one to write it.
 */
final class RequestDeadline implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RequestDeadline.class.getName());
  private final AtomicBoolean answered = new AtomicBoolean();
  private final Duration timeout;
  private final PluginRequest request;
  private final ResponseSink sink;
  private final RequestLog requestLog;
  private volatile Runnable stopClock = () -> { };

  private RequestDeadline(Duration timeout, PluginRequest request, ResponseSink sink, RequestLog requestLog) {
    this.timeout = timeout;
    this.request = request;
    this.sink = sink;
    this.requestLog = requestLog;
  }

  /** Starts the clock; when it runs out first, the deadline answers, writes {@code requestLog}'s line and abandons. */
  static RequestDeadline start(Duration timeout, PluginRequest request, ResponseSink sink, RequestLog requestLog,
      DeadlineClock clock) {
    RequestDeadline deadline = new RequestDeadline(timeout, request, sink, requestLog);
    deadline.stopClock = clock.start(timeout, deadline::expire);
    return deadline;
  }

  private void expire() {
    if (answered.compareAndSet(false, true)) {
      String seconds = String.valueOf(timeout.toMillis() / 1000.0).replaceAll("\\.0$", "");
      PluginResponse response = request.protocol().error(request, FailureKind.DEADLINE,
          "calico-mesos did not finish the request within " + seconds
          + " s (CALICO_REQUEST_TIMEOUT); whatever it had written stays consistent");
      try {
        sink.write(response, requestLog.command());
      } catch (IOException e) {
        // Nothing more can be said: the caller will report that it got no response.
      }
      requestLog.finish(response.error());
      sink.abandon();
    }
  }

  /**
   * {@code gate}, except that a command whose turn comes after this deadline has answered does not run: its caller
   * was told it failed and will send it again, so running it now would take addresses that nobody is told of (the
   * agent queues IPAM commands, and a host's queue can outlast a request's deadline).
   */
  RequestGate guarding(RequestGate gate) {
    return new RequestGate() {
      @Override
      public <T> T pass(String command, Supplier<T> work) {
        return gate.pass(command, () -> {
          if (answered.get()) {
            LOG.log(System.Logger.Level.INFO, "skipped {0}: its deadline answered while it waited its turn", command);
            throw new AbandonedRequestException(command);
          }
          return work.get();
        });
      }
    };
  }

  /** True when the caller may write the response; false when the deadline already answered (and abandons). */
  boolean claimResponse() {
    return answered.compareAndSet(false, true);
  }

  @Override
  public void close() {
    stopClock.run();
  }
}
