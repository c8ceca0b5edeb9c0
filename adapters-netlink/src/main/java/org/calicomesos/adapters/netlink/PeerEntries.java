package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calicomesos.ports.routing.vxlan.VxlanEntries;

/**
 * Reads the VXLAN device's two tables in one dump each: its permanent IPv4 neighbour entries and its forwarding
 * entries. The kernel dumps every link's, so we keep the device's here.
 */
final class PeerEntries {
  private PeerEntries() {}

  static VxlanEntries read(NetlinkSocket socket, int index) {
    Map<IPAddress, MACAddress> neighbours = new LinkedHashMap<>();
    for (NetlinkMessage message : socket.dump(NeighbourRequests.dump(InetBytes.AF_INET), "list the VXLAN peers")) {
      NeighbourRequests.Entry entry = NeighbourRequests.parse(message);
      if (entry.index() == index && entry.permanent() && entry.destination() != null && entry.mac() != null) {
        neighbours.put(entry.destination(), entry.mac());
      }
    }
    Map<MACAddress, IPAddress> forwarding = new LinkedHashMap<>();
    for (NetlinkMessage message : socket.dump(NeighbourRequests.dump(NeighbourRequests.AF_BRIDGE),
        "list the VXLAN forwarding entries")) {
      NeighbourRequests.Entry entry = NeighbourRequests.parse(message);
      if (entry.index() == index && entry.destination() != null && entry.mac() != null) {
        forwarding.put(entry.mac(), entry.destination());
      }
    }
    return new VxlanEntries(neighbours, forwarding);
  }
}
