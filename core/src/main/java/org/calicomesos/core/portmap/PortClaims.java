package org.calicomesos.core.portmap;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.endpoint.HostPortTakenException;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * One node's host port claims ({@link DatastoreKeys#portClaim}), which keep a host port mapped at most once per
 * protocol. Plugin processes run side by side without a lock between them, so a look at the node's endpoints would
 * race; a claim is created only if absent, so of two requests for one port exactly one wins.
 */
public final class PortClaims {
  private static final System.Logger LOG = System.getLogger(PortClaims.class.getName());
  /** The stored text as is: releasing a claim must not depend on being able to read it. */
  private static final Codec<String> RAW = Codec.STORED_TEXT;

  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final NodeName node;

  public PortClaims(KeyValueStore store, DatastoreKeys keys, NodeName node) {
    this.store = store;
    this.keys = keys;
    this.node = node;
  }

  /** Where this node's claims are, for a caller that lists them with its other reads. */
  public String prefix() {
    return keys.portClaimPrefix(node);
  }

  /**
   * Claims every mapping's host port for {@code owner}; one it already holds (a repeated request) stays as it is,
   * and one it holds but no longer asks for is released. Returns the claims this call created.
   *
   * @throws HostPortTakenException when another endpoint holds one: the claims this call created are released
   *     again first, so nothing is left written
   */
  public List<Entry> claim(PortClaim owner, List<PortMapping> mappings) {
    Listing held = store.list(prefix());
    Map<String, Entry> heldByKey = new HashMap<>();
    held.entries().forEach(entry -> heldByKey.put(entry.key(), entry));
    // Refused on what the listing shows before anything is written; a race lost below still undoes its claims.
    for (PortMapping mapping : mappings) {
      Entry listed = heldByKey.get(keys.portClaim(node, mapping.protocol(), mapping.hostPort()));
      if (listed != null) {
        requireHeldBy(owner, mapping, listed);
      }
    }
    String value = PortClaimCodec.CLAIM.encode(owner);
    Set<String> wanted = new HashSet<>();
    List<Entry> made = new ArrayList<>();
    try {
      for (PortMapping mapping : mappings) {
        String key = keys.portClaim(node, mapping.protocol(), mapping.hostPort());
        wanted.add(key);
        Entry current = heldByKey.get(key);
        if (current == null) {
          WriteOutcome outcome = store.create(key, value);
          if (outcome instanceof WriteOutcome.Written written) {
            made.add(written.entry());
            continue;
          }
          current = ((WriteOutcome.Conflict) outcome).current();
        }
        requireHeldBy(owner, mapping, current);
      }
    } catch (RuntimeException e) {
      release(owner, made, e);
      throw e;
    }
    for (Entry entry : held.entries()) {
      if (!wanted.contains(entry.key()) && holder(entry).filter(owner::equals).isPresent()) {
        releaseIf(entry, owner::equals);
      }
    }
    return made;
  }

  /** Releases claims a request created, when it fails before anything else names them. */
  public void release(PortClaim owner, List<Entry> made, RuntimeException cause) {
    for (Entry entry : made) {
      try {
        releaseIf(entry, owner::equals);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        LOG.log(Level.WARNING, "could not release port claim {0} after a failed request: {1}", entry.key(),
            e.getMessage());
      }
    }
  }

  /**
   * Releases the claims of {@code listed} (this node's, as read before the owner's records were deleted) that
   * {@code owned} accepts, each at the revision read (one changed since is read again, and left if no longer
   * owned); returns how many went.
   */
  public int releaseOwned(Listing listed, Predicate<PortClaim> owned) {
    int released = 0;
    for (Entry entry : listed.entries()) {
      if (holder(entry).filter(owned).isPresent() && releaseIf(entry, owned)) {
        released++;
      }
    }
    return released;
  }

  /** Deletes the claim at the revision it was judged at; false when it changed or went meanwhile. */
  public boolean releaseJudged(Entry judged) {
    return store.delete(judged.key(), judged.revision()).landed();
  }

  /** Who holds the claim, or empty when its value cannot be read. */
  public static Optional<PortClaim> holder(Entry entry) {
    try {
      return Optional.of(PortClaimCodec.CLAIM.decode(entry));
    } catch (CorruptValueException e) {
      return Optional.empty();
    }
  }

  private boolean releaseIf(Entry read, Predicate<PortClaim> owned) {
    return new CasLoop(store).update(read.key(), Optional.of(read), RAW, current -> {
      if (current.isEmpty()) {
        return Step.keep(false);
      }
      // The revision only names the entry for decoding; the loop compares the one it read.
      Entry now = new Entry(read.key(), current.get(), read.revision());
      return holder(now).filter(owned).isPresent() ? Step.remove(true) : Step.keep(false);
    });
  }

  private static void requireHeldBy(PortClaim owner, PortMapping mapping, Entry current) {
    Optional<PortClaim> holder = holder(current);
    if (holder.isEmpty()) {
      throw new HostPortTakenException(mapping, "by a claim that cannot be read (" + current.key() + ")");
    }
    if (!holder.get().endpoint().equals(owner.endpoint())) {
      throw new HostPortTakenException(mapping, "to container " + holder.get().container());
    }
  }
}
