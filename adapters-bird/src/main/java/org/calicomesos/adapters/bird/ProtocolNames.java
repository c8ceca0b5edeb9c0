package org.calicomesos.adapters.bird;

import org.calicomesos.ports.routing.bgp.BgpPeer;

/**
 * The name of the BIRD protocol that holds a peer's session, as calico/node named them so {@code birdc show
 * protocols} reads the same: {@code Mesh_203_0_113_12} for another host, {@code Global_2001_db8__1} for an
 * explicit peer. Built from the address alone (digits, hex letters, '_'), so no node name is ever spliced
 * into the file as a symbol; at most 7 + 39 characters, within BIRD's 64.
 */
final class ProtocolNames {
  static final String MESH = "Mesh_";
  static final String GLOBAL = "Global_";

  private ProtocolNames() {}

  static String of(BgpPeer peer) {
    String address = peer.address().toCanonicalString().replace('.', '_').replace(':', '_');
    return (peer.node().isPresent() ? MESH : GLOBAL) + address;
  }

  /** True for the names {@link #of} makes: the sessions this adapter configured. */
  static boolean isOurs(String protocol) {
    return protocol.startsWith(MESH) || protocol.startsWith(GLOBAL);
  }
}
