package org.calicomesos.ports.gc;

import java.time.Duration;
import java.util.Objects;

/**
 * One collection on this host.
 *
 * @param grace how long a candidate must have been seen dead before it is freed ({@code 0s}: free what is dead now)
 * @param dryRun report only: free nothing and remember nothing
 */
public record CollectCommand(Duration grace, boolean dryRun) {
  public CollectCommand {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, got " + grace);
    }
  }
}
