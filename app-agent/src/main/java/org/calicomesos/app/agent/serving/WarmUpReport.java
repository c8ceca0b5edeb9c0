package org.calicomesos.app.agent.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the agent's warm-up went: how many rounds of rehearsed requests it ran, in how long, with how much of the
 * process's CPU (the compiler's threads included), when it finished, and why it stopped early if it did.
 */
public record WarmUpReport(int rounds, Duration took, Duration cpu, Instant finished, Optional<String> stoppedEarly) {
  /** The report of a warm-up that was turned off. */
  public static WarmUpReport off(Instant now) {
    return new WarmUpReport(0, Duration.ZERO, Duration.ZERO, now, Optional.of("turned off (CALICO_AGENT_WARMUP=off)"));
  }
}
