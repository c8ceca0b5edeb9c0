package org.calicomesos.adapters.consul;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/**
 * {@link KeyValueStore} on Consul KV. Revisions are Consul's {@code ModifyIndex} (Raft indexes: they grow
 * with every write, deletes included). Every call is bounded by the request deadline.
 *
 * <p>Watches: Consul keeps no history of changes, so a watch can replay the changes after a revision only
 * when it can prove what was there at that revision — when nothing under the prefix changed since, or
 * when this store listed the prefix at exactly that revision. Otherwise it reports
 * {@link WatchListener#onCompacted} at once and the listener re-lists, as the port asks.
 */
public final class ConsulKeyValueStore implements KeyValueStore {
  private final ConsulSettings settings;
  private final ConsulHttp http;
  private final ConsulReads reads;
  private final ConsulWrites writes;
  private final RecentListings listings = new RecentListings();
  private final List<ConsulWatch> watches = new CopyOnWriteArrayList<>();
  // listAll's side-by-side lists; no thread until the first. Saturated, the caller lists the prefix itself.
  private final ExecutorService listingThreads = new ThreadPoolExecutor(0, 8, 10, TimeUnit.SECONDS,
      new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "consul-list");
        thread.setDaemon(true); // never keeps a per-request JVM alive
        return thread;
      }, new ThreadPoolExecutor.CallerRunsPolicy());
  private volatile boolean closed;

  private ConsulKeyValueStore(ConsulSettings settings, ConsulHttp http) {
    this.settings = settings;
    this.http = http;
    ConsulCalls calls = new ConsulCalls(settings);
    this.reads = new ConsulReads(calls);
    this.writes = new ConsulWrites(calls, reads, http.requests());
  }

  /** A store on the Consul {@code settings} name; connects lazily, on the first call. */
  public static ConsulKeyValueStore open(ConsulSettings settings) {
    return new ConsulKeyValueStore(settings, ConsulHttp.open(settings));
  }

  @Override
  public Optional<Entry> get(String key) {
    return reads.get(http.requests(), key);
  }

  @Override
  public Listing list(String prefix) {
    Listing listing = reads.list(http.requests(), prefix);
    listings.remember(prefix, listing);
    return listing;
  }

  /**
   * One consistent list per prefix, run side by side, so that the caller waits about one round trip; each
   * listing has its own exact revision. Consul cannot give several listings one revision in one read: a
   * read-only {@code /v1/txn} of {@code get-tree} operations reads one snapshot in one round trip, but answers
   * with neither an {@code X-Consul-Index} header nor an index in its body (it is 0; Consul 1.8), and its
   * entries alone do not tell the revision: the newest {@code ModifyIndex} among them misses deletes, so two
   * different states could carry one revision, which a watch from it could not tell apart. The first failure,
   * in the order of the prefixes, is the one thrown.
   */
  @Override
  public List<Listing> listAll(List<String> prefixes) {
    if (prefixes.size() < 2) {
      return KeyValueStore.super.listAll(prefixes);
    }
    List<Future<Listing>> others = new ArrayList<>();
    for (String prefix : prefixes.subList(1, prefixes.size())) {
      others.add(listingThreads.submit(() -> list(prefix)));
    }
    List<Listing> listings = new ArrayList<>(prefixes.size());
    try {
      listings.add(list(prefixes.get(0))); // this thread lists the first meanwhile
      for (Future<Listing> other : others) {
        listings.add(other.get());
      }
      return listings;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException failure ? failure
          : new DatastoreException("cannot list " + String.join(", ", prefixes) + " on " + settings.describe() + ": "
              + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatastoreUnavailableException(settings.describe(), "cannot list " + String.join(", ", prefixes)
          + ": interrupted", e);
    } finally {
      others.forEach(other -> other.cancel(true)); // those not needed once one failed; no-op for the rest
    }
  }

  @Override
  public WriteOutcome create(String key, String value) {
    return writes.create(key, value);
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    return writes.update(key, value, expectedRevision);
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    return writes.delete(key, expectedRevision);
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    // Read now, on the caller's thread: what is there at the watch's start is part of the proof.
    Listing now = reads.list(http.requests(), prefix);
    Optional<Listing> from = now.revision() <= afterRevision ? Optional.of(now) : listings.at(prefix, afterRevision);
    ConsulWatch[] holder = new ConsulWatch[1];
    ConsulWatch watch = new ConsulWatch(reads, http.watches(), prefix, listener, from.orElse(now), now,
        from.isPresent() ? 0 : now.revision(), () -> watches.remove(holder[0]));
    holder[0] = watch;
    watches.add(watch);
    watch.start();
    return watch;
  }

  @Override
  public String describe() {
    return settings.describe();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watches.forEach(ConsulWatch::close);
    listingThreads.shutdownNow();
    http.close();
  }
}
