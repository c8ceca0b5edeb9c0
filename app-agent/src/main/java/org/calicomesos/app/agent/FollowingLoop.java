package org.calicomesos.app.agent;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.sync.SyncUseCase;

/**
 * One of the agent's loops (policy, routes), on the thread that calls {@link #run()}: read everything, enforce it,
 * then follow the datastore's changes, applying each burst of them at once. When a watch ends (the datastore went
 * away, or compacted what we had not seen) it reads everything again, after a growing delay while that fails.
 * It never withdraws anything: during an outage or a restart what is in force stays. A loop with a
 * {@link Periodic} task also runs that task at its interval, whatever the datastore does (e.g. to repair the
 * kernel's routes, which nothing in the datastore announces).
 */
public final class FollowingLoop {
  private static final System.Logger LOG = System.getLogger(FollowingLoop.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);

  private final String name;
  private final SyncUseCase sync;
  private final KeyValueStore store;
  private final Consumer<Throwable> loopFailed;
  private final Optional<Periodic> periodic;
  private final BlockingQueue<AgentSignal> signals = new LinkedBlockingQueue<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private long nextTick;
  private volatile boolean stopping;

  /** Work a loop does at a fixed interval besides following the datastore; it must not throw. */
  public record Periodic(Duration every, Runnable task) {}

  /**
   * @param name what the loop keeps, for the log ("policy", "routes")
   * @param loopFailed hears of each failure to read or follow the datastore (the agent's metrics)
   */
  public FollowingLoop(String name, SyncUseCase sync, KeyValueStore store, Consumer<Throwable> loopFailed,
      Optional<Periodic> periodic) {
    this.name = name;
    this.sync = sync;
    this.store = store;
    this.loopFailed = loopFailed;
    this.periodic = periodic;
  }

  /** Runs until {@link #stop}. */
  public void run() {
    LOG.log(Level.INFO, "{0} loop started, following {1}", name, store.describe());
    RetryDelay delay = new RetryDelay(FIRST_RETRY, LAST_RETRY);
    periodic.ifPresent(p -> nextTick = System.nanoTime() + p.every().toNanos());
    try {
      while (!stopping) {
        List<Watch> watches = startFollowing();
        if (!watches.isEmpty()) {
          try {
            follow(delay);
          } catch (RuntimeException e) {
            loopFailed.accept(e);
            LOG.log(Level.ERROR, name + " loop failed; what is in force stays, reading everything again", e);
          } finally {
            watches.forEach(Watch::close);
          }
        }
        if (!stopping) {
          pause(delay.next());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      LOG.log(Level.INFO, "{0} loop stopped; what is in force stays", name);
      finished.countDown();
    }
  }

  /** Asks the loop to end and waits up to {@code grace} for it; callable from any thread (a shutdown hook). */
  public void stop(Duration grace) {
    stopping = true;
    signals.add(new AgentSignal.Stop());
    try {
      finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A full read and a watch per prefix from its revision; none when the read failed. */
  private List<Watch> startFollowing() {
    List<Watch> watches = new ArrayList<>();
    try {
      long revision = sync.resync();
      signals.removeIf(signal -> !(signal instanceof AgentSignal.Stop)); // what an ended watch left behind
      QueueingWatchListener listener = new QueueingWatchListener(signals);
      for (String prefix : sync.watchedPrefixes()) {
        watches.add(store.watch(prefix, revision, listener));
      }
      LOG.log(Level.INFO, "{0} in step with the datastore at revision {1}; following its changes", name, revision);
      return watches;
    } catch (DataplaneException e) {
      LOG.log(Level.WARNING, "the kernel refused the {0}: {1}; what is in force stays", name, e.getMessage());
    } catch (CalicoMesosException e) {
      loopFailed.accept(e);
      LOG.log(Level.WARNING, "cannot read the {0} from the datastore: {1}; what is in force stays", name,
          e.getMessage());
    }
    watches.forEach(Watch::close);
    return List.of();
  }

  /** Applies changes until a watch ends or the agent stops. */
  private void follow(RetryDelay delay) throws InterruptedException {
    boolean applyFailed = false;
    while (!stopping) {
      AgentSignal first = signals.poll(waitMillis(applyFailed), TimeUnit.MILLISECONDS);
      tickIfDue();
      if (first == null && !applyFailed) {
        continue;
      }
      List<WatchEvent> changes = new ArrayList<>();
      String ended = null;
      // Everything already queued is one burst: absorb it all, then apply once.
      for (AgentSignal signal = first; signal != null; signal = signals.poll()) {
        if (signal instanceof AgentSignal.Changes batch) {
          changes.addAll(batch.events());
          delay.reset();
        } else if (signal instanceof AgentSignal.WatchEnded end) {
          ended = end.why();
        } else {
          return;
        }
      }
      sync.absorb(changes);
      applyFailed = !enforce();
      if (ended != null) {
        LOG.log(Level.WARNING, "lost the datastore watch: {0}; the {1} in force stays, reading everything again",
            ended, name);
        return;
      }
    }
  }

  private boolean enforce() {
    try {
      sync.enforcePending();
      return true;
    } catch (DataplaneException e) {
      LOG.log(Level.WARNING, "the kernel refused the {0}: {1}; what is in force stays, trying again in {2} s", name,
          e.getMessage(), LAST_RETRY.toSeconds());
      return false;
    }
  }

  /** Until the next signal is due to be acted on without one: a retry of a refused apply, or the periodic task. */
  private long waitMillis(boolean applyFailed) {
    long wait = applyFailed ? LAST_RETRY.toMillis() : Long.MAX_VALUE;
    if (periodic.isPresent()) {
      wait = Math.min(wait, Math.max(0, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime())));
    }
    return wait;
  }

  private void tickIfDue() {
    if (periodic.isPresent() && System.nanoTime() - nextTick >= 0) {
      nextTick = System.nanoTime() + periodic.get().every().toNanos();
      periodic.get().task().run();
    }
  }

  private void pause(Duration duration) throws InterruptedException {
    AgentSignal signal = signals.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
    if (signal instanceof AgentSignal.Stop) {
      stopping = true;
    }
    tickIfDue();
  }
}
