package org.calicomesos.core.cas;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Function;
import org.calicomesos.ports.ipam.ContentionException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WriteOutcome;

/**
 * The one read-decide-write loop every datastore change goes through. Each pass decides from a fresh
 * read of the key (decisions are pure functions of immutable values, so nothing is mutated before the
 * write lands); a lost compare feeds the entry it returned into the next pass. Bounded, as Calico's is.
 * Any exception from the decision or the store ends the loop at once, having written nothing more.
 */
public final class CasLoop {
  /** Calico's {@code datastoreRetries}: enough for a storm of hosts on one block, finite for a stuck one. */
  public static final int MAX_ATTEMPTS = 100;

  private static final System.Logger LOG = System.getLogger(CasLoop.class.getName());

  private final KeyValueStore store;
  private final Runnable lostCompare;

  public CasLoop(KeyValueStore store) {
    this(store, () -> { });
  }

  /** @param lostCompare run once for every write that lost its compare (before the retry, or before giving up) */
  public CasLoop(KeyValueStore store, Runnable lostCompare) {
    this.store = store;
    this.lostCompare = lostCompare;
  }

  /** Reads {@code key}, then loops as described. */
  public <V, T> T update(String key, Codec<V> codec, Function<Optional<V>, Step<V, T>> decide) {
    return update(key, store.get(key), codec, decide);
  }

  /**
   * As {@link #update(String, Codec, Function)} for a key that is most likely absent: writes what
   * {@code decide} makes of nothing as a create, without reading first. If the key is there after all, the
   * refused create returns its entry and the loop goes on from it as usual; that first refusal is not a
   * lost race, so it is not counted as one.
   */
  public <V, T> T updateLikelyAbsent(String key, Codec<V> codec, Function<Optional<V>, Step<V, T>> decide) {
    Step<V, T> step = decide.apply(Optional.empty());
    if (!(step instanceof Step.Put<V, T> put)) {
      return update(key, codec, decide); // what to do with nothing is not a write: read what is there
    }
    WriteOutcome outcome = store.create(key, codec.encode(put.value()));
    if (outcome.landed()) {
      return put.result();
    }
    Optional<Entry> current = outcome instanceof WriteOutcome.Conflict conflict
        ? Optional.of(conflict.current())
        : store.get(key);
    return update(key, current, codec, decide);
  }

  /** As {@link #update(String, Codec, Function)}, starting from an entry the caller has just read. */
  public <V, T> T update(String key, Optional<Entry> read, Codec<V> codec, Function<Optional<V>, Step<V, T>> decide) {
    Optional<Entry> current = read;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Step<V, T> step = decide.apply(current.map(codec::decode));
      WriteOutcome outcome;
      if (step instanceof Step.Keep<V, T> keep) {
        return keep.result();
      } else if (step instanceof Step.Put<V, T> put) {
        String value = codec.encode(put.value());
        outcome = current.isEmpty()
            ? store.create(key, value)
            : store.update(key, value, current.get().revision());
        if (outcome.landed()) {
          return put.result();
        }
      } else {
        Step.Remove<V, T> remove = (Step.Remove<V, T>) step;
        if (current.isEmpty()) {
          return remove.result();
        }
        outcome = store.delete(key, current.get().revision());
        if (outcome.landed() || outcome instanceof WriteOutcome.Missing) {
          return remove.result();
        }
      }
      current = outcome instanceof WriteOutcome.Conflict conflict ? Optional.of(conflict.current()) : Optional.empty();
      lostCompare.run();
      LOG.log(Level.DEBUG, "lost compare-and-swap on {0}, retry #{1}", key, attempt);
    }
    throw new ContentionException(key, MAX_ATTEMPTS);
  }
}
