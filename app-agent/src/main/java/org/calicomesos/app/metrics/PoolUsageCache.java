package org.calicomesos.app.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.calicomesos.ports.ipam.PoolUsage;

/**
 * Pool usage, read from the datastore at most once per {@code ttl} however often and however many scrapers ask
 * (one read at a time; the others wait for it). A failed read is handed to {@code onFailure} and answers "no
 * pools" for the same {@code ttl}, so an outage does not make every scrape wait out a datastore timeout.
 */
final class PoolUsageCache {
  private final Supplier<List<PoolUsage>> read;
  private final Consumer<RuntimeException> onFailure;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private List<PoolUsage> usage = List.of();
  private long readAtNanos;
  private boolean everRead;

  PoolUsageCache(Supplier<List<PoolUsage>> read, Consumer<RuntimeException> onFailure, Duration ttl,
      LongSupplier nanoClock) {
    this.read = read;
    this.onFailure = onFailure;
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
  }

  synchronized List<PoolUsage> get() {
    long now = nanoClock.getAsLong();
    if (!everRead || now - readAtNanos >= ttlNanos) {
      try {
        usage = List.copyOf(read.get());
      } catch (RuntimeException e) {
        usage = List.of();
        onFailure.accept(e);
      }
      readAtNanos = now;
      everRead = true;
    }
    return usage;
  }
}
