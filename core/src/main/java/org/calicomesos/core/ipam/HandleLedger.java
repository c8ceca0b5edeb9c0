package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.model.HandleId;

/**
 * Keeps each handle's per-block counts. Callers raise a count before the block write that assigns
 * the addresses and lower it after the block write that frees them, so the count never falls below
 * the truth: a crash in between leaves a count too high (a leak {@code ipam check} reports), never an
 * address that release by handle cannot find.
 */
final class HandleLedger {
  private final IpamRepository repository;

  HandleLedger(IpamRepository repository) {
    this.repository = repository;
  }

  void raise(HandleId id, IPAddress block, int count) {
    if (count > 0) {
      // An allocate's uid is new as a rule: create its handle without reading it first.
      repository.updateLikelyNewHandle(id, current ->
          Step.put(current.orElse(new Handle(id, java.util.Map.of())).plus(block, count), null));
    }
  }

  /** Lowers the count; the handle record goes when it holds nothing. */
  void lower(HandleId id, IPAddress block, int count) {
    if (count > 0) {
      repository.updateHandle(id, current -> {
        if (current.isEmpty()) {
          return Step.keep(null);
        }
        Handle next = current.get().minus(block, count);
        return next.isEmpty() ? Step.remove(null) : Step.put(next, null);
      });
    }
  }

  /**
   * Lowers a count raised for a block write that certainly did not land. A failure here is attached to
   * {@code cause} and swallowed: the count stays too high, which is a leak, never a duplicate.
   */
  void lowerAfterFailure(HandleId id, IPAddress block, int count, RuntimeException cause) {
    try {
      lower(id, block, count);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
