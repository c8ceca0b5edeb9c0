package org.calicomesos.ports.kv;

import java.util.List;
import java.util.Optional;

/**
 * A revisioned key/value store: the one contract etcd, Consul, SQLite and memory have in common.
 *
 * <p>Keys are absolute, '/'-separated ASCII paths ({@code /calico/ipam/v2/handle/abc}), ordered byte-wise;
 * values are non-empty JSON text (Consul cannot tell an empty value from none). Every write is conditional: there is no unconditional put. Reads that a compare-and-swap
 * decision depends on are linearizable (never served stale).
 *
 * <p>Every method may throw {@link DatastoreUnavailableException} (cannot reach the store within its
 * deadline; the outcome of a write is then unknown) or {@link DatastoreException} (the store refused).
 * Each adapter passes {@code KeyValueStoreContract} in testkit against its real backend.
 */
public interface KeyValueStore extends AutoCloseable {

  /** The entry at {@code key}, or empty when there is none. */
  Optional<Entry> get(String key);

  /** Every entry whose key starts with {@code prefix} (plain string prefix), in key order, at one revision. */
  Listing list(String prefix);

  /**
   * The listing of each of {@code prefixes}, in the order given, each as {@link #list} answers it. A request
   * that needs several reads them this way so that it waits for one round trip, not one per prefix: an
   * adapter whose store can read several ranges at once (etcd and Consul in one transaction, SQLite and memory
   * in one read) overrides this, and its listings then share one revision. This default lists them in turn.
   */
  default List<Listing> listAll(List<String> prefixes) {
    return prefixes.stream().map(this::list).toList();
  }

  /**
   * Creates {@code key} only if it is absent.
   *
   * @return {@link WriteOutcome.Written} with the new entry, or {@link WriteOutcome.Conflict} with the
   *     entry already there
   */
  WriteOutcome create(String key, String value);

  /**
   * Replaces the value of {@code key} only if its revision is still {@code expectedRevision}.
   *
   * @return {@link WriteOutcome.Written}, {@link WriteOutcome.Conflict} with the current entry, or
   *     {@link WriteOutcome.Missing} when the key is gone
   */
  WriteOutcome update(String key, String value, long expectedRevision);

  /**
   * Deletes {@code key} only if its revision is still {@code expectedRevision}.
   *
   * @return {@link WriteOutcome.Deleted}, {@link WriteOutcome.Conflict} with the current entry, or
   *     {@link WriteOutcome.Missing} when the key is already gone
   */
  WriteOutcome delete(String key, long expectedRevision);

  /**
   * Delivers every change under {@code prefix} made after {@code afterRevision}, in revision order, to
   * {@code listener} on a thread the adapter owns, until the returned watch is closed. Changes already
   * made after {@code afterRevision} are replayed first; when the store no longer has them the
   * listener is told {@link WatchListener#onCompacted}.
   */
  Watch watch(String prefix, long afterRevision, WatchListener listener);

  /** Names the store for operators ("sqlite at /var/lib/calico-mesos/store.db"); never credentials. */
  String describe();

  /** Releases connections and threads; idempotent. */
  @Override
  void close();
}
