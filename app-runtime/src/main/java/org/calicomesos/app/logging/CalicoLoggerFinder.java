package org.calicomesos.app.logging;

import java.util.Objects;

/**
 * The {@link System.LoggerFinder} of calico-mesos, found through {@code META-INF/services}: every
 * {@code System.getLogger} gets a {@link LineLogger} on the process's {@link LogRoute}, so
 * {@code java.util.logging} (~12 ms of start-up per plugin process) is never initialised.
 */
public final class CalicoLoggerFinder extends System.LoggerFinder {
  /** Called by {@code ServiceLoader}. */
  public CalicoLoggerFinder() {
    // Nothing to set up: the route exists from the first logger on.
  }

  @Override
  public System.Logger getLogger(String name, Module module) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
    return new LineLogger(name, LogRoute.PROCESS);
  }
}
