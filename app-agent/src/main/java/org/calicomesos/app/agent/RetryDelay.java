package org.calicomesos.app.agent;

import java.time.Duration;

/**
 * How long to wait before the next attempt after consecutive failures: doubling from {@code first} up to
 * {@code last}, so an outage costs the datastore a retry every few seconds, not a busy loop.
 */
final class RetryDelay {
  private final Duration first;
  private final Duration last;
  private Duration next;

  RetryDelay(Duration first, Duration last) {
    this.first = first;
    this.last = last;
    this.next = first;
  }

  /** The delay to wait now; the one after it is twice as long (at most {@code last}). */
  Duration next() {
    Duration now = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(last) > 0 ? last : doubled;
    return now;
  }

  /** After a success: the next failure waits {@code first} again. */
  void reset() {
    next = first;
  }
}
