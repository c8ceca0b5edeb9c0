package org.calicomesos.ports.gc;

import inet.ipaddr.IPAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One leak candidate a collection saw, and what became of it.
 *
 * @param subject what it is, as an operator names it: {@code container c1}, {@code uid u1}, {@code cali0123456789a}
 * @param reason one sentence saying why it counts as dead
 * @param since when a collection on this host first saw it (its grace counts from then)
 * @param freed the addresses freeing it released (empty for an interface or a handle count)
 */
public record Leak(LeakKind kind, String subject, String reason, Instant since, Outcome outcome,
    List<IPAddress> freed) {
  public Leak {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(outcome, "outcome");
    freed = List.copyOf(freed);
  }

  /** What the collection did with the candidate. */
  public enum Outcome {
    /** Freed now. */
    FREED,
    /** Past its grace, but this was a dry run. */
    WOULD_FREE,
    /** Within its grace: kept, and looked at again on a later collection. */
    WAITING,
    /** No longer a leak when it was about to be freed: alive again, or freed meanwhile by its own request. */
    SETTLED
  }
}
