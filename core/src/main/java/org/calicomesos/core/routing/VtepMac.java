package org.calicomesos.core.routing;

import inet.ipaddr.mac.MACAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.calicomesos.ports.model.NodeName;

/**
 * The link-layer address of a host's VXLAN device, derived from its node name: every agent computes every other
 * host's without a datastore field to keep in step (Calico stores a random one on the node instead). Unicast and
 * locally administered, so it cannot clash with a vendor's; 46 bits of a hash, so two hosts of a cluster sharing one
 * is as likely as a SHA-256 collision in them.
 */
final class VtepMac {
  private VtepMac() {}

  static MACAddress of(NodeName node) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256")
          .digest(("calico-mesos vxlan " + node.value()).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] mac = new byte[6];
    System.arraycopy(hash, 0, mac, 0, 6);
    mac[0] = (byte) ((mac[0] & 0xfc) | 0x02); // unicast (bit 0 clear), locally administered (bit 1 set)
    return new MACAddress(mac);
  }
}
