package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.MACAddressString;
import java.util.Optional;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * The link named {@value VxlanTunnel#DEVICE} as {@code ip -j -d link show} prints it: its kind ("vxlan", or
 * empty for a link without one), MAC, MTU and whether it is up, and for a VXLAN device its VNI, port, source
 * ({@code local}, empty when it sends from any address) and learning.
 */
record TunnelLink(String kind, String mac, int mtu, boolean up, int vni, int port, String local, boolean learning) {
  static final String VXLAN = "vxlan";

  static TunnelLink of(JsonNode link) {
    JsonNode info = link.path("linkinfo");
    JsonNode data = info.path("info_data");
    boolean up = false;
    for (JsonNode flag : link.path("flags")) {
      up |= flag.asText().equals("UP");
    }
    // A missing "learning" is the kernel's default, which is to learn.
    return new TunnelLink(info.path("info_kind").asText(), link.path("address").asText(), link.path("mtu").asInt(),
        up, data.path("id").asInt(-1), data.path("port").asInt(-1), data.path("local").asText(),
        data.path("learning").asBoolean(true));
  }

  boolean isVxlan() {
    return VXLAN.equals(kind);
  }

  /** VNI, port, source and learning as {@code device} has them: what only a new device can change. */
  boolean sameTunnelAs(VxlanDevice device) {
    return isVxlan() && vni == VxlanTunnel.VNI && port == VxlanTunnel.PORT && !learning
        && device.local().toCanonicalString().equals(local);
  }

  boolean sameMacAs(VxlanDevice device) {
    return device.mac().equals(new MACAddressString(mac).getAddress());
  }

  /** The device, if it is one ensure would leave alone: of our VNI, port and no learning, sending from IPv4, up. */
  Optional<VxlanDevice> asDevice() {
    if (!up || local.isEmpty()) {
      return Optional.empty();
    }
    VxlanDevice device;
    try {
      device = new VxlanDevice(new IPAddressString(local).getAddress(), new MACAddressString(mac).getAddress(), mtu);
    } catch (IllegalArgumentException | NullPointerException notOurs) { // a multicast MAC, an MTU out of range
      return Optional.empty();
    }
    return sameTunnelAs(device) ? Optional.of(device) : Optional.empty();
  }

  /** Why this link is not ours to change, for an operator. */
  String notVxlanReason() {
    return VxlanTunnel.DEVICE + " exists but is not a VXLAN device ("
        + (kind.isEmpty() ? "it has no link kind" : "its kind is " + kind) + "); leaving it alone";
  }
}
