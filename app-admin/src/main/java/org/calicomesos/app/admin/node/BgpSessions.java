package org.calicomesos.app.admin.node;

import java.util.List;
import java.util.Optional;
import org.calicomesos.app.admin.AdminUseCases;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.routing.bgp.BgpPeerState;
import org.calicomesos.ports.routing.bgp.BgpSpeakerNotRunningException;

/**
 * This host's BIRD sessions for {@code node show} in route mode bgp, or why there are none to show: BIRD not
 * running is a state of the host, not a failure of the command, and neither is a BIRD that cannot be asked.
 */
record BgpSessions(List<BgpPeerState> peers, Optional<String> problem) {
  static final String NOT_RUNNING = "BIRD not running";

  BgpSessions {
    peers = List.copyOf(peers);
  }

  static BgpSessions ask(AdminUseCases services) {
    try {
      return new BgpSessions(services.bgpSpeaker().peers(), Optional.empty());
    } catch (BgpSpeakerNotRunningException e) {
      return new BgpSessions(List.of(), Optional.of(NOT_RUNNING));
    } catch (CalicoMesosException e) {
      return new BgpSessions(List.of(), Optional.of(e.getMessage()));
    }
  }
}
