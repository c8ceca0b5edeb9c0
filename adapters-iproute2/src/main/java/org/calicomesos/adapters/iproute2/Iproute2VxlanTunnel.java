package org.calicomesos.adapters.iproute2;

import inet.ipaddr.mac.MACAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanEntries;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * {@link VxlanTunnel} that drives {@code ip link}, {@code ip neigh} and {@code bridge fdb}, in the namespace of the
 * calling thread. Every call reads the device (and its entries) before it writes, so a call that finds everything in
 * place runs no command that changes anything. A link named {@value #DEVICE} that is not a VXLAN device is never
 * changed or deleted.
 */
public final class Iproute2VxlanTunnel implements VxlanTunnel {
  private final IpCommand ip;
  private final IpCommand bridge;

  public Iproute2VxlanTunnel(String ip, String bridge, Duration commandTimeout) {
    CommandRunner runner = new CommandRunner(commandTimeout);
    this.ip = new IpCommand(ip, runner);
    this.bridge = new IpCommand(bridge, runner);
  }

  /** The {@code ip} and {@code bridge} found on the PATH, each command given 5 s, as the dataplane's. */
  public static Iproute2VxlanTunnel onPath() {
    return new Iproute2VxlanTunnel("ip", "bridge", Duration.ofSeconds(5));
  }

  @Override
  public Optional<VxlanDevice> device() {
    return link().flatMap(TunnelLink::asDevice);
  }

  @Override
  public void ensure(VxlanDevice device) {
    Optional<TunnelLink> present = link();
    if (present.isEmpty()) {
      create(device);
      return;
    }
    TunnelLink link = present.get();
    if (!link.isVxlan()) {
      throw new DataplaneException("cannot set up " + device + ": " + link.notVxlanReason());
    }
    if (!link.sameTunnelAs(device)) {
      // VNI, port and source are the tunnel's identity: a new device, and the peers and routes go with the old.
      ip.runOrFail("cannot delete " + DEVICE + " to replace it by " + device, "link", "del", "dev", DEVICE);
      create(device);
    } else {
      changeInPlace(link, device);
    }
  }

  /** Sets only what differs of MAC, MTU and up; nothing if nothing does. */
  private void changeInPlace(TunnelLink link, VxlanDevice device) {
    boolean newMac = !link.sameMacAs(device);
    boolean newMtu = link.mtu() != device.mtu();
    if (!newMac && !newMtu && link.up()) {
      return;
    }
    // A new MAC makes the kernel flush the device's neighbour entries, permanent ones too: the peers' are written
    // back, so that only a replaced device loses its peers. (ip sends the MAC only when it is given.)
    List<VxlanPeer> peers = newMac ? entries().peers() : List.of();
    List<String> args = new ArrayList<>(List.of("link", "set", "dev", DEVICE));
    if (newMac) {
      args.addAll(List.of("address", mac(device.mac())));
    }
    if (newMtu) {
      args.addAll(List.of("mtu", String.valueOf(device.mtu())));
    }
    args.add("up");
    ip.runOrFail("cannot change " + DEVICE + " to " + device, args.toArray(String[]::new));
    for (VxlanPeer peer : peers) {
      writeNeighbour(peer, "cannot write back the neighbour entry of VXLAN peer " + peer + " after changing the MAC of "
          + DEVICE);
    }
  }

  private void create(VxlanDevice device) {
    CommandResult result = ip.run("link", "add", DEVICE, "address", mac(device.mac()), "mtu",
        String.valueOf(device.mtu()), "up", "type", "vxlan", "id", String.valueOf(VNI), "local",
        device.local().toCanonicalString(), "dstport", String.valueOf(PORT), "nolearning");
    if (result.succeeded()) {
      return;
    }
    String reason = result.stderr();
    // The kernel's extended ack, which ip prints: "A VXLAN device with the specified VNI already exists."
    if (reason.contains("VNI already exists") || reason.contains("File exists")) {
      throw new DataplaneException("cannot create " + device + ": another VXLAN device already uses VNI " + VNI
          + " on UDP port " + PORT + " (" + result.reason() + ")");
    }
    if (reason.contains("Unknown device type") || reason.contains("not supported")) {
      throw new DataplaneException("cannot create " + device + ": this kernel has no VXLAN support ("
          + result.reason() + ")");
    }
    throw new DataplaneException("cannot create " + device + ": " + result.reason());
  }

  @Override
  public boolean remove() {
    Optional<TunnelLink> link = link();
    if (link.isEmpty() || !link.get().isVxlan()) {
      return false;
    }
    CommandResult result = ip.run("link", "del", "dev", DEVICE);
    if (result.succeeded()) {
      return true;
    }
    if (result.stderr().contains("Cannot find device")) {
      return false; // deleted by someone else since we looked
    }
    throw new DataplaneException("cannot delete " + DEVICE + ": " + result.reason());
  }

  @Override
  public List<VxlanPeer> peers() {
    Optional<TunnelLink> link = link();
    return link.isPresent() && link.get().isVxlan() ? entries().peers() : List.of();
  }

  @Override
  public void addPeer(VxlanPeer peer) {
    String refused = "cannot add VXLAN peer " + peer;
    TunnelLink link = link().orElseThrow(() -> new DataplaneException(refused + ": device " + DEVICE + " is missing"));
    if (!link.isVxlan()) {
      throw new DataplaneException(refused + ": " + link.notVxlanReason());
    }
    VxlanEntries entries = entries();
    String address = peer.address().toCanonicalString();
    // The new forwarding entry first, so the neighbour entry never names a MAC the device cannot send to.
    if (!entries.forwards(peer)) {
      bridge.runOrFail("cannot write the forwarding entry of VXLAN peer " + peer, "fdb", "replace", mac(peer.mac()),
          "dev", DEVICE, "dst", address, "self", "permanent");
    }
    if (!entries.resolves(peer)) {
      writeNeighbour(peer, "cannot write the neighbour entry of VXLAN peer " + peer);
    }
    for (MACAddress former : entries.formerMacs(peer)) {
      deleteForwarding(former, address);
    }
  }

  @Override
  public boolean removePeer(VxlanPeer peer) {
    Optional<TunnelLink> link = link();
    if (link.isEmpty() || !link.get().isVxlan()) {
      return false;
    }
    VxlanEntries entries = entries();
    boolean removed = false;
    if (entries.resolves(peer)) {
      ip.runOrFail("cannot remove the neighbour entry of VXLAN peer " + peer, "neigh", "del",
          peer.address().toCanonicalString(), "dev", DEVICE);
      removed = true;
    }
    if (entries.forwards(peer)) {
      deleteForwarding(peer.mac(), peer.address().toCanonicalString());
      removed = true;
    }
    return removed;
  }

  private void writeNeighbour(VxlanPeer peer, String failure) {
    ip.runOrFail(failure, "neigh", "replace", peer.address().toCanonicalString(), "lladdr", mac(peer.mac()), "dev",
        DEVICE, "nud", "permanent");
  }

  /** With {@code dst}: the kernel answers success without deleting when the entry sends the MAC elsewhere. */
  private void deleteForwarding(MACAddress mac, String address) {
    bridge.runOrFail("cannot remove the forwarding entry of " + mac(mac) + " to " + address, "fdb", "del", mac(mac),
        "dev", DEVICE, "dst", address, "self");
  }

  /** The link named {@value #DEVICE}, whatever its kind, or empty when there is none. */
  private Optional<TunnelLink> link() {
    CommandResult result = ip.run("-j", "-d", "link", "show", "dev", DEVICE);
    if (!result.succeeded()) {
      if (result.stderr().contains("does not exist")) {
        return Optional.empty();
      }
      throw new DataplaneException("cannot read " + DEVICE + ": " + result.reason());
    }
    return Optional.of(TunnelLink.of(IpJson.array(result.stdout()).path(0)));
  }

  private VxlanEntries entries() {
    return PeerEntries.of(
        IpJson.array(ip.runOrFail("cannot list the VXLAN peers", "-j", "neigh", "show", "dev", DEVICE, "nud",
            "permanent")),
        IpJson.array(bridge.runOrFail("cannot list the VXLAN forwarding entries", "-j", "fdb", "show", "dev",
            DEVICE)));
  }

  private static String mac(MACAddress mac) {
    return mac.toColonDelimitedString();
  }
}
