package org.calicomesos.ports.diagnostics;

import java.util.Objects;

/**
 * What one {@link HostReadout} gave: the command line that was run (for the reader of the bundle), how it
 * ended, what it printed, and, unless it was {@link Status#READ}, why not in one line.
 */
public record ReadoutResult(String command, Status status, String stdout, String stderr, String reason) {

  /** How a readout ended. */
  public enum Status {
    /** The command ran and exited 0; {@code stdout} is the readout. */
    READ,
    /** The command ran and said that what it reads does not exist (the agent's table before it first ran). */
    ABSENT,
    /** The command could not be started (not installed, or not executable). */
    UNAVAILABLE,
    /** The command failed or did not finish in time. */
    FAILED
  }

  public ReadoutResult {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(reason, "reason");
  }
}
