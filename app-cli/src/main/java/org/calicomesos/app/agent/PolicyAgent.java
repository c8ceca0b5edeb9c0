package org.calicomesos.app.agent;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.policy.PolicyApplyException;
import org.calicomesos.ports.policy.SyncPolicyUseCase;

/**
 * The agent's policy loop, on the thread that calls {@link #run()}: read everything, enforce it, then follow
 * the datastore's changes, applying each burst of them as one policy. When the watch ends (the datastore went
 * away, or compacted what we had not seen) it reads everything again, after a growing delay while that fails.
 * It never withdraws rules: during an outage or a restart the last policy stays in force.
 */
public final class PolicyAgent {
  private static final System.Logger LOG = System.getLogger(PolicyAgent.class.getName());
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);

  private final SyncPolicyUseCase sync;
  private final KeyValueStore store;
  private final PolicyObserver observer;
  private final BlockingQueue<AgentSignal> signals = new LinkedBlockingQueue<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean stopping;

  /** @param observer hears of the loop's failures (the policy's applies it hears of from the dataplane) */
  @Inject
  public PolicyAgent(SyncPolicyUseCase sync, KeyValueStore store, PolicyObserver observer) {
    this.sync = sync;
    this.store = store;
    this.observer = observer;
  }

  /** Runs until {@link #stop}. */
  public void run() {
    LOG.log(Level.INFO, "agent started: enforcing netgroup policy from {0}", store.describe());
    RetryDelay delay = new RetryDelay(FIRST_RETRY, LAST_RETRY);
    try {
      while (!stopping) {
        Optional<Watch> watch = startFollowing();
        if (watch.isPresent()) {
          try {
            follow(delay);
          } catch (RuntimeException e) {
            observer.loopFailed(e);
            LOG.log(Level.ERROR, "policy loop failed; the rules in force stay, reading everything again", e);
          } finally {
            watch.get().close();
          }
        }
        if (!stopping) {
          pause(delay.next());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      LOG.log(Level.INFO, "agent stopped; the rules in force stay");
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

  private Optional<Watch> startFollowing() {
    try {
      long revision = sync.resync();
      signals.removeIf(signal -> !(signal instanceof AgentSignal.Stop)); // what an ended watch left behind
      Watch watch = store.watch(sync.watchedPrefix(), revision, new QueueingWatchListener(signals));
      LOG.log(Level.INFO, "policy in step with the datastore at revision {0}; following its changes", revision);
      return Optional.of(watch);
    } catch (PolicyApplyException e) {
      LOG.log(Level.WARNING, "the kernel refused the policy: {0}; the rules in force stay", e.getMessage());
    } catch (CalicoMesosException e) {
      observer.loopFailed(e);
      LOG.log(Level.WARNING, "cannot read the policy from the datastore: {0}; the rules in force stay",
          e.getMessage());
    }
    return Optional.empty();
  }

  /** Applies changes until the watch ends or the agent stops. */
  private void follow(RetryDelay delay) throws InterruptedException {
    boolean applyFailed = false;
    while (!stopping) {
      AgentSignal first = applyFailed ? signals.poll(LAST_RETRY.toMillis(), TimeUnit.MILLISECONDS) : signals.take();
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
        LOG.log(Level.WARNING, "lost the datastore watch: {0}; the rules in force stay, reading everything again",
            ended);
        return;
      }
    }
  }

  private boolean enforce() {
    try {
      sync.enforcePending();
      return true;
    } catch (PolicyApplyException e) {
      LOG.log(Level.WARNING, "the kernel refused the policy: {0}; the rules in force stay, trying again in {1} s",
          e.getMessage(), LAST_RETRY.toSeconds());
      return false;
    }
  }

  private void pause(Duration duration) throws InterruptedException {
    AgentSignal signal = signals.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
    if (signal instanceof AgentSignal.Stop) {
      stopping = true;
    }
  }
}
