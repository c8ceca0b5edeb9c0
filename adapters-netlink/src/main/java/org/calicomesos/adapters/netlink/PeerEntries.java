package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;

/**
 * What the VXLAN device's two tables hold, read in one dump each: its permanent IPv4 neighbour entries (address to
 * MAC) and its forwarding entries (MAC to the host that has it). A peer is a neighbour entry whose MAC is forwarded
 * to that very address.
 */
final class PeerEntries {
  private final Map<IPAddress, MACAddress> neighbours;
  private final Map<MACAddress, IPAddress> forwarding;

  private PeerEntries(Map<IPAddress, MACAddress> neighbours, Map<MACAddress, IPAddress> forwarding) {
    this.neighbours = neighbours;
    this.forwarding = forwarding;
  }

  /** The entries on the link {@code index}; the kernel dumps every link's, so we filter here. */
  static PeerEntries read(NetlinkSocket socket, int index) {
    Map<IPAddress, MACAddress> neighbours = new LinkedHashMap<>();
    for (NetlinkMessage message : socket.dump(NeighbourRequests.dump(InetBytes.AF_INET), "list the VXLAN peers")) {
      NeighbourRequests.Entry entry = NeighbourRequests.parse(message);
      if (entry.index() == index && entry.permanent() && entry.destination() != null && entry.mac() != null) {
        neighbours.put(entry.destination(), entry.mac());
      }
    }
    Map<MACAddress, IPAddress> forwarding = new HashMap<>();
    for (NetlinkMessage message : socket.dump(NeighbourRequests.dump(NeighbourRequests.AF_BRIDGE),
        "list the VXLAN forwarding entries")) {
      NeighbourRequests.Entry entry = NeighbourRequests.parse(message);
      if (entry.index() == index && entry.destination() != null && entry.mac() != null) {
        forwarding.put(entry.mac(), entry.destination());
      }
    }
    return new PeerEntries(neighbours, forwarding);
  }

  List<VxlanPeer> peers() {
    List<VxlanPeer> peers = new ArrayList<>();
    neighbours.forEach((address, mac) -> {
      if (address.equals(forwarding.get(mac)) && !mac.isMulticast()) { // a peer's device has a unicast MAC
        peers.add(new VxlanPeer(address, mac));
      }
    });
    return peers;
  }

  /** The peer's address has a permanent neighbour entry with the peer's MAC. */
  boolean resolves(VxlanPeer peer) {
    return peer.mac().equals(neighbours.get(peer.address()));
  }

  /** The peer's MAC is forwarded to the peer's address. */
  boolean forwards(VxlanPeer peer) {
    return peer.address().equals(forwarding.get(peer.mac()));
  }

  /** MACs other than the peer's forwarded to its address: what its device had before it was rebuilt. */
  List<MACAddress> formerMacs(VxlanPeer peer) {
    List<MACAddress> former = new ArrayList<>();
    forwarding.forEach((mac, address) -> {
      if (address.equals(peer.address()) && !mac.equals(peer.mac())) {
        former.add(mac);
      }
    });
    return former;
  }
}
