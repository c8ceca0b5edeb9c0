package org.calicomesos.ports.routing.bgp;

/** What {@link BgpSpeaker#configure} did with a valid configuration. */
public enum BgpReload {
  /** The configuration is in force: the running speaker has read it. */
  RELOADED,
  /** The configuration was already the one on file; the speaker was not asked to read it again. */
  UNCHANGED,
  /**
   * The configuration is on file but no speaker runs (its lifecycle belongs to systemd, not to us); it takes
   * effect when one starts. Not an error: the agent reports it and carries on.
   */
  SPEAKER_NOT_RUNNING
}
