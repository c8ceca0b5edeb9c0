package org.calicomesos.adapters.netlink;

import inet.ipaddr.mac.MACAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanEntries;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * {@link VxlanTunnel} over rtnetlink, in the namespace of the calling thread. Each call opens its own socket and
 * reads the device (and its entries) before it writes, so a call that finds everything in place writes nothing.
 * A link named {@value #DEVICE} that is not a VXLAN device is never changed or deleted.
 */
public final class NetlinkVxlanTunnel implements VxlanTunnel {
  private static final InterfaceName NAME = new InterfaceName(DEVICE);

  @Override
  public Optional<VxlanDevice> device() {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      Optional<NetlinkMessage> answer = LinkLookup.answer(socket, NAME);
      if (answer.isEmpty()) {
        return Optional.empty();
      }
      LinkRequests.Link link = LinkRequests.parse(answer.get());
      VxlanLinkRequests.VxlanSettings settings = isVxlan(link) ? VxlanLinkRequests.settings(answer.get()) : null;
      // Only the device ensure would leave alone: a link of another kind, VNI, port or source, or down, is not it.
      if (settings == null || settings.local() == null || !link.up()) {
        return Optional.empty();
      }
      VxlanDevice device;
      try {
        device = new VxlanDevice(settings.local(), new MACAddress(link.mac()), link.mtu());
      } catch (IllegalArgumentException notOurs) { // a multicast MAC or an MTU out of range: not one we made
        return Optional.empty();
      }
      return settings.sameTunnelAs(device) ? Optional.of(device) : Optional.empty();
    }
  }

  @Override
  public void ensure(VxlanDevice device) {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      Optional<NetlinkMessage> answer = LinkLookup.answer(socket, NAME);
      if (answer.isEmpty()) {
        create(socket, device);
        return;
      }
      LinkRequests.Link link = LinkRequests.parse(answer.get());
      if (!isVxlan(link)) {
        throw notVxlan("set up " + device, link);
      }
      if (!VxlanLinkRequests.settings(answer.get()).sameTunnelAs(device)) {
        // VNI, port and source are the tunnel's identity: a new device, and the peers and routes go with the old.
        socket.request(LinkRequests.delete(NAME), "delete " + DEVICE + " to replace it by " + device);
        create(socket, device);
      } else {
        changeInPlace(socket, link, device);
      }
    }
  }

  /** Sets only what differs of MAC, MTU and up; nothing if nothing does. */
  private static void changeInPlace(NetlinkSocket socket, LinkRequests.Link link, VxlanDevice device) {
    byte[] mac = device.mac().getBytes();
    boolean newMac = !Arrays.equals(link.mac(), mac);
    boolean newMtu = link.mtu() != device.mtu();
    if (!newMac && !newMtu && link.up()) {
      return;
    }
    // A new MAC makes the kernel flush the device's neighbour entries, permanent ones too: the peers' are written
    // back, so that only a replaced device loses its peers.
    List<VxlanPeer> peers = newMac ? PeerEntries.read(socket, link.index()).peers() : List.of();
    socket.request(LinkRequests.change(link.index(), newMac ? mac : null, newMtu ? device.mtu() : 0),
        "change " + DEVICE + " to " + device);
    for (VxlanPeer peer : peers) {
      socket.request(NeighbourRequests.replaceNeighbour(link.index(), peer.address(), peer.mac()),
          "write back the neighbour entry of VXLAN peer " + peer + " after changing the MAC of " + DEVICE);
    }
  }

  private static void create(NetlinkSocket socket, VxlanDevice device) {
    try {
      socket.request(VxlanLinkRequests.create(device), "create " + device);
    } catch (KernelRefusal refusal) {
      if (refusal.errno() == Errno.EOPNOTSUPP) {
        throw new DataplaneException("cannot create " + device + ": this kernel has no VXLAN support ("
            + Errno.text(refusal.errno()) + ")", refusal);
      }
      if (refusal.errno() == Errno.EEXIST) {
        throw new DataplaneException("cannot create " + device + ": another VXLAN device already uses VNI " + VNI
            + " on UDP port " + PORT + " (" + Errno.text(refusal.errno()) + ")", refusal);
      }
      throw refusal;
    }
  }

  @Override
  public boolean remove() {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      Optional<LinkRequests.Link> link = LinkLookup.find(socket, NAME);
      if (link.isEmpty() || !isVxlan(link.get())) {
        return false;
      }
      socket.request(LinkRequests.delete(NAME), "delete " + DEVICE);
      return true;
    } catch (KernelRefusal refusal) {
      if (refusal.errno() == Errno.ENODEV) {
        return false; // deleted by someone else since we looked
      }
      throw refusal;
    }
  }

  @Override
  public List<VxlanPeer> peers() {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      Optional<LinkRequests.Link> link = LinkLookup.find(socket, NAME);
      if (link.isEmpty() || !isVxlan(link.get())) {
        return List.of();
      }
      return PeerEntries.read(socket, link.get().index()).peers();
    }
  }

  @Override
  public void addPeer(VxlanPeer peer) {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      String action = "add VXLAN peer " + peer;
      LinkRequests.Link link = LinkLookup.find(socket, NAME).orElseThrow(() -> new DataplaneException(
          "cannot " + action + ": device " + DEVICE + " is missing"));
      if (!isVxlan(link)) {
        throw notVxlan(action, link);
      }
      int index = link.index();
      VxlanEntries entries = PeerEntries.read(socket, index);
      // The new forwarding entry first, so the neighbour entry never names a MAC the device cannot send to.
      if (!entries.forwards(peer)) {
        socket.request(NeighbourRequests.replaceForwarding(index, peer.mac(), peer.address()),
            "write the forwarding entry of VXLAN peer " + peer);
      }
      if (!entries.resolves(peer)) {
        socket.request(NeighbourRequests.replaceNeighbour(index, peer.address(), peer.mac()),
            "write the neighbour entry of VXLAN peer " + peer);
      }
      for (MACAddress former : entries.formerMacs(peer)) {
        socket.request(NeighbourRequests.deleteForwarding(index, former, peer.address()),
            "remove the forwarding entry of " + former.toColonDelimitedString() + " to " + peer.address());
      }
    }
  }

  @Override
  public boolean removePeer(VxlanPeer peer) {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      Optional<LinkRequests.Link> link = LinkLookup.find(socket, NAME);
      if (link.isEmpty() || !isVxlan(link.get())) {
        return false;
      }
      int index = link.get().index();
      VxlanEntries entries = PeerEntries.read(socket, index);
      boolean removed = false;
      if (entries.resolves(peer)) {
        socket.request(NeighbourRequests.deleteNeighbour(index, peer.address()),
            "remove the neighbour entry of VXLAN peer " + peer);
        removed = true;
      }
      if (entries.forwards(peer)) {
        socket.request(NeighbourRequests.deleteForwarding(index, peer.mac(), peer.address()),
            "remove the forwarding entry of VXLAN peer " + peer);
        removed = true;
      }
      return removed;
    }
  }

  private static boolean isVxlan(LinkRequests.Link link) {
    return VxlanLinkRequests.KIND.equals(link.kind());
  }

  private static DataplaneException notVxlan(String action, LinkRequests.Link link) {
    String kind = link.kind().isEmpty() ? "it has no link kind" : "its kind is " + link.kind();
    return new DataplaneException("cannot " + action + ": " + DEVICE + " exists but is not a VXLAN device (" + kind
        + "); leaving it alone");
  }
}
