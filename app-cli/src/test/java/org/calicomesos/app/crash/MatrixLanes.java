package org.calicomesos.app.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the matrix's lanes, one lifecycle on one store each (its uninterrupted run, then every step in turn), as many
 * at once as there are hosts, each lane on a host of its own: the steps are cold JVMs one after another, and two
 * lanes keep both of a CI machine's cores busy. The tests only wait for the outcomes.
 */
final class MatrixLanes implements AutoCloseable {
  private final BlockingQueue<CrashHost> free;
  private final ExecutorService workers;
  private final Path root;

  MatrixLanes(List<CrashHost> hosts, Path root) {
    this.free = new LinkedBlockingQueue<>(hosts);
    this.workers = Executors.newFixedThreadPool(hosts.size());
    this.root = root;
  }

  /** Starts a lane as soon as a host is free; its outcomes arrive in the lane. */
  Lane start(CrashStore store, Lifecycle lifecycle, String etcdUrl) {
    Lane lane = new Lane();
    workers.execute(() -> {
      CrashHost host;
      try {
        host = free.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        lane.uninterrupted.completeExceptionally(e);
        return;
      }
      long start = System.nanoTime();
      try {
        lane.run(new MatrixCell(host, store, lifecycle, root, etcdUrl));
      } finally {
        lane.took = Duration.ofNanos(System.nanoTime() - start);
        free.add(host);
      }
    });
    return lane;
  }

  @Override
  public void close() throws InterruptedException {
    workers.shutdownNow();
    workers.awaitTermination(3, TimeUnit.MINUTES);
  }

  /** One lane's outcomes: the uninterrupted run (which names the steps), then each step's. */
  static final class Lane {
    /** Longer than any lane takes; a lane that never reports fails its tests instead of hanging the build. */
    private static final long WAIT_MINUTES = 30;

    private final CompletableFuture<MatrixCell.Uninterrupted> uninterrupted = new CompletableFuture<>();
    private final List<CompletableFuture<Void>> steps = new ArrayList<>();
    private volatile Duration took = Duration.ZERO;

    /** How long the lane ran, once it has. */
    Duration took() {
      return took;
    }

    /** Waits for the uninterrupted run; throws what it threw. */
    MatrixCell.Uninterrupted uninterrupted() throws Throwable {
      return outcome(uninterrupted);
    }

    /** Waits for step {@code n} (1-based); throws what it threw. */
    void awaitStep(int n) throws Throwable {
      outcome(steps.get(n - 1));
    }

    private static <T> T outcome(CompletableFuture<T> future) throws Throwable {
      try {
        return future.get(WAIT_MINUTES, TimeUnit.MINUTES);
      } catch (ExecutionException e) {
        throw e.getCause();
      }
    }

    private void run(MatrixCell cell) {
      MatrixCell.Uninterrupted run;
      try {
        run = cell.uninterrupted();
      } catch (Exception | Error e) {
        uninterrupted.completeExceptionally(e);
        return;
      }
      run.steps().forEach(step -> steps.add(new CompletableFuture<>()));
      uninterrupted.complete(run); // publishes the futures above to the tests
      for (int n = 1; n <= run.steps().size(); n++) {
        try {
          cell.crashAt(n, run.steps().get(n - 1));
          steps.get(n - 1).complete(null);
        } catch (Exception | Error e) {
          steps.get(n - 1).completeExceptionally(e);
        }
      }
    }
  }
}
