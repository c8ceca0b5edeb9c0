package org.calicomesos.ports.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.calicomesos.ports.model.NodeName;

/** What one collection on {@code node} found and did, candidate by candidate. */
public record CollectionReport(NodeName node, Instant at, Duration grace, boolean dryRun, List<Leak> leaks) {
  public CollectionReport {
    leaks = List.copyOf(leaks);
  }

  /** How many candidates ended with {@code outcome}. */
  public long count(Leak.Outcome outcome) {
    return leaks.stream().filter(leak -> leak.outcome() == outcome).count();
  }
}
