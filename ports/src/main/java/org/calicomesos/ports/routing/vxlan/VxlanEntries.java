package org.calicomesos.ports.routing.vxlan;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@value VxlanTunnel#DEVICE}'s two kernel tables hold, as a {@link VxlanTunnel} adapter read them: its
 * permanent neighbour entries ({@code neighbours}: address to MAC) and its forwarding entries ({@code forwarding}:
 * MAC to the host that has it). It reads {@link VxlanTunnel#peers}' definition, once for every adapter: a peer is a
 * neighbour entry whose MAC is forwarded to that very address.
 */
public record VxlanEntries(Map<IPAddress, MACAddress> neighbours, Map<MACAddress, IPAddress> forwarding) {
  public VxlanEntries {
    // Copies that keep the kernel's order, so peers() lists them as the kernel does.
    neighbours = Collections.unmodifiableMap(new LinkedHashMap<>(neighbours));
    forwarding = Collections.unmodifiableMap(new LinkedHashMap<>(forwarding));
  }

  /** The peers the entries make; a neighbour entry of another family or with a multicast MAC is none. */
  public List<VxlanPeer> peers() {
    List<VxlanPeer> peers = new ArrayList<>();
    neighbours.forEach((address, mac) -> {
      if (address.equals(forwarding.get(mac)) && address.isIPv4() && !mac.isMulticast()) {
        peers.add(new VxlanPeer(address, mac));
      }
    });
    return peers;
  }

  /** The peer's address has a permanent neighbour entry with the peer's MAC. */
  public boolean resolves(VxlanPeer peer) {
    return peer.mac().equals(neighbours.get(peer.address()));
  }

  /** The peer's MAC is forwarded to the peer's address. */
  public boolean forwards(VxlanPeer peer) {
    return peer.address().equals(forwarding.get(peer.mac()));
  }

  /** MACs other than the peer's forwarded to its address: its device's before that host rebuilt it. */
  public List<MACAddress> formerMacs(VxlanPeer peer) {
    List<MACAddress> former = new ArrayList<>();
    forwarding.forEach((mac, address) -> {
      if (address.equals(peer.address()) && !mac.equals(peer.mac())) {
        former.add(mac);
      }
    });
    return former;
  }
}
