package org.calicomesos.ports.routing.bgp;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  public BgpSettings withAsNumber(AsNumber replacement) {
    return new BgpSettings(replacement, nodeMesh, explicitPeers);
  }

  public BgpSettings withNodeMesh(boolean on) {
    return new BgpSettings(asNumber, on, explicitPeers);
  }

  /** With {@code peer} among the explicit peers, replacing one at its address (its AS may have changed). */
  public BgpSettings withPeer(BgpPeer peer) {
    List<BgpPeer> peers = new ArrayList<>(explicitPeers);
    peers.removeIf(existing -> existing.address().equals(peer.address()));
    peers.add(peer);
    return new BgpSettings(asNumber, nodeMesh, peers);
  }

  /** @throws BgpPeerNotFoundException when no explicit peer has {@code address} */
  public BgpSettings withoutPeer(IPAddress address) {
    List<BgpPeer> peers = new ArrayList<>(explicitPeers);
    if (!peers.removeIf(existing -> existing.address().equals(address))) {
      throw new BgpPeerNotFoundException(address);
    }
    return new BgpSettings(asNumber, nodeMesh, peers);
  }
}
