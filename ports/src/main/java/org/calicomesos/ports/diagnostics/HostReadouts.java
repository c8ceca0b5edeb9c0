package org.calicomesos.ports.diagnostics;

/** Reads this host's state for a diagnostics bundle ({@code calico-mesos diags}). Changes nothing. */
public interface HostReadouts {

  /**
   * Takes one readout, bounded in time. Never throws because the readout could not be taken: a missing
   * command, a refusal or a timeout is a {@link ReadoutResult} whose status and reason say so.
   */
  ReadoutResult read(HostReadout readout);
}
