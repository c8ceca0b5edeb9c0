package org.calicomesos.core.gc;

import java.time.Duration;
import java.util.Objects;

/** The collector's grace as configured ({@code CALICO_GC_GRACE}): what {@code ipam check} judges candidates by. */
public record CollectorSettings(Duration grace) {
  public CollectorSettings {
    Objects.requireNonNull(grace, "grace");
  }
}
