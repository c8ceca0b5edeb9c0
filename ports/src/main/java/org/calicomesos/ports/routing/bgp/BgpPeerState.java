package org.calicomesos.ports.routing.bgp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One session as the speaker reports it. {@code state} is the BGP finite-state-machine state in RFC 4271's
 * words ("Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "Established"); {@code since} is when it
 * entered its current state, if the speaker says; {@code lastError} is the speaker's last complaint about the
 * session ("Socket: Connection refused"), empty if none.
 */
public record BgpPeerState(BgpPeer peer, String state, Optional<Instant> since, String lastError) {
  public static final String ESTABLISHED = "Established";

  public BgpPeerState {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** True once routes flow over this session. */
  public boolean established() {
    return ESTABLISHED.equals(state);
  }
}
