package org.calicomesos.testkit.kv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;

/** A {@link WatchListener} that keeps everything it is told, so a test can await and inspect it. */
public final class RecordingWatchListener implements WatchListener {
  private final List<WatchEvent> events = new ArrayList<>();
  private final List<DatastoreException> errors = new ArrayList<>();
  private final List<Thread> callbackThreads = new ArrayList<>();
  private OptionalLong compactedAt = OptionalLong.empty();
  private int emptyBatches;

  @Override
  public synchronized void onEvents(List<WatchEvent> batch) {
    if (batch.isEmpty()) {
      emptyBatches++;
    }
    callbackThreads.add(Thread.currentThread());
    events.addAll(batch);
    notifyAll();
  }

  @Override
  public synchronized void onCompacted(long oldestAvailableRevision) {
    callbackThreads.add(Thread.currentThread());
    compactedAt = OptionalLong.of(oldestAvailableRevision);
    notifyAll();
  }

  @Override
  public synchronized void onError(DatastoreException error) {
    callbackThreads.add(Thread.currentThread());
    errors.add(error);
    notifyAll();
  }

  /** Every event received so far, in the order delivered. */
  public synchronized List<WatchEvent> events() {
    return List.copyOf(events);
  }

  /** Errors the watch reported. */
  public synchronized List<DatastoreException> errors() {
    return List.copyOf(errors);
  }

  /** The revision given to {@link #onCompacted}, if it was called. */
  public synchronized OptionalLong compactedAt() {
    return compactedAt;
  }

  /** How many times {@link #onEvents} was called with an empty list (the port forbids it). */
  public synchronized int emptyBatches() {
    return emptyBatches;
  }

  /** The threads callbacks ran on, one per callback. */
  public synchronized List<Thread> callbackThreads() {
    return List.copyOf(callbackThreads);
  }

  /** Waits until at least {@code count} events arrived; returns all of them, or fails after {@code timeout}. */
  public List<WatchEvent> awaitEvents(int count, Duration timeout) {
    awaitState(self -> self.events.size() >= count, timeout, "at least " + count + " events");
    return events();
  }

  /** Waits until an event satisfying {@code matcher} arrived, or fails after {@code timeout}. */
  public List<WatchEvent> awaitEvent(Predicate<WatchEvent> matcher, String description, Duration timeout) {
    awaitState(self -> self.events.stream().anyMatch(matcher), timeout, description);
    return events();
  }

  /** Waits until {@link #onCompacted} was called; returns the revision it gave. */
  public long awaitCompacted(Duration timeout) {
    awaitState(self -> self.compactedAt.isPresent(), timeout, "a compaction notice");
    return compactedAt().getAsLong();
  }

  private synchronized void awaitState(
      Predicate<RecordingWatchListener> reached, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached.test(this)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("watch did not deliver " + what + " within " + timeout
            + "; got events " + events + ", errors " + errors + ", compacted " + compactedAt);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
