package org.calicomesos.ports.routing.vxlan;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.Objects;

/**
 * This host's VXLAN tunnel end point, as the kernel should hold it: device {@value VxlanTunnel#DEVICE}, VNI
 * {@value VxlanTunnel#VNI}, UDP port {@value VxlanTunnel#PORT}, source learning off, sending from {@code local} (this
 * host's registered IPv4 address), with link-layer address {@code mac} (the one every other host's peer entry for
 * this host names) and {@code mtu}, up.
 */
public record VxlanDevice(IPAddress local, MACAddress mac, int mtu) {
  public VxlanDevice {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(mac, "mac");
    if (!local.isIPv4() || local.isPrefixed()) {
      throw new IllegalArgumentException("the VXLAN source must be a plain IPv4 address: " + local);
    }
    if (mac.isMulticast()) {
      throw new IllegalArgumentException("the VXLAN device's MAC must be unicast: " + mac);
    }
    if (mtu < 576 || mtu > 65535) {
      throw new IllegalArgumentException("VXLAN MTU must be between 576 and 65535, got " + mtu);
    }
  }

  @Override
  public String toString() {
    return VxlanTunnel.DEVICE + " (local " + local + ", " + mac.toColonDelimitedString() + ", mtu " + mtu + ")";
  }
}
