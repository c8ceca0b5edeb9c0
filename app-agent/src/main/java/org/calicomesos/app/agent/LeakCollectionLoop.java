package org.calicomesos.app.agent;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.ports.gc.CollectCommand;
import org.calicomesos.ports.gc.CollectLeaksUseCase;
import org.calicomesos.ports.gc.CollectionReport;
import org.calicomesos.ports.gc.Leak;

/**
 * Runs this host's collector every interval, on a thread of its own, through the same gate as the IPAM requests the
 * agent serves: a collection never judges an allocate, DEL or release that is half done on this host.
 */
public final class LeakCollectionLoop implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LeakCollectionLoop.class.getName());
  /** The gate's name for a collection: one of the commands it lets through one at a time. */
  static final String GATE_COMMAND = "GC";

  private final CollectLeaksUseCase collector;
  private final Duration grace;
  private final RequestGate gate;
  private final CollectionObserver observer;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "leak-collector");
    thread.setDaemon(true);
    return thread;
  });

  private LeakCollectionLoop(CollectLeaksUseCase collector, Duration grace, RequestGate gate,
      CollectionObserver observer) {
    this.collector = collector;
    this.grace = grace;
    this.gate = gate;
    this.observer = observer;
  }

  /** Starts collecting every {@code interval}, the first time one interval from now. */
  public static LeakCollectionLoop start(CollectLeaksUseCase collector, Duration grace, Duration interval,
      RequestGate gate, CollectionObserver observer) {
    LeakCollectionLoop loop = new LeakCollectionLoop(collector, grace, gate, observer);
    loop.scheduler.scheduleWithFixedDelay(loop::collectOnce, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    LOG.log(Level.INFO, "collecting this host''s leaks every {0} ms, freeing what stays dead for {1} ms",
        interval.toMillis(), grace.toMillis());
    return loop;
  }

  void collectOnce() {
    try {
      CollectionReport report = gate.pass(GATE_COMMAND, () -> collector.collect(new CollectCommand(grace, false)));
      observer.collected(report);
      if (report.count(Leak.Outcome.FREED) > 0 || report.count(Leak.Outcome.WAITING) > 0) {
        LOG.log(Level.INFO, "collection: freed {0}, {1} candidate(s) within their grace",
            report.count(Leak.Outcome.FREED), report.count(Leak.Outcome.WAITING));
      }
    } catch (RuntimeException e) {
      observer.collectionFailed(e);
      LOG.log(Level.WARNING, "collection failed, trying again in one interval: {0}", e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
