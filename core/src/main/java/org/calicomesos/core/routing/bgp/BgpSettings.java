package org.calicomesos.core.routing.bgp;

import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpPeer;

/**
 * The cluster's BGP settings ({@code <prefix>/v1/config/bgp}): the AS every host speaks as, whether each host
 * peers with every other ({@code nodeMesh}, Calico's "node-to-node mesh"), and explicit peers every host peers
 * with as well (Calico's global peers, e.g. the top-of-rack routers).
 */
public record BgpSettings(AsNumber asNumber, boolean nodeMesh, List<BgpPeer> explicitPeers) {
  /** What a cluster without a {@code bgp} record gets: AS 64511, full mesh, no explicit peers. */
  public static final BgpSettings DEFAULT = new BgpSettings(AsNumber.CALICO_DEFAULT, true, List.of());

  public BgpSettings {
    Objects.requireNonNull(asNumber, "asNumber");
    explicitPeers = List.copyOf(explicitPeers);
    if (explicitPeers.stream().anyMatch(peer -> peer.node().isPresent())) {
      throw new IllegalArgumentException("explicit BGP peers are named by address, not by node");
    }
  }
}
