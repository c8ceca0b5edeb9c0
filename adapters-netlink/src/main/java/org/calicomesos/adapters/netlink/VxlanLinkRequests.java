package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/** The VXLAN kind's part of RTM_*LINK (linux/if_link.h, IFLA_VXLAN_*): creating our device, reading one back. */
final class VxlanLinkRequests {
  static final String KIND = "vxlan";

  private static final int IFLA_VXLAN_ID = 1;
  private static final int IFLA_VXLAN_LOCAL = 4;
  private static final int IFLA_VXLAN_LEARNING = 7;
  private static final int IFLA_VXLAN_PORT = 15;

  private VxlanLinkRequests() {}

  /** A VXLAN device's own settings as the kernel reports them; {@code local} null when it sends from any address. */
  record VxlanSettings(int vni, int port, IPAddress local, boolean learning) {
    /** VNI, port, source and learning as {@code device} has them: what only a new device can change. */
    boolean sameTunnelAs(VxlanDevice device) {
      return vni == VxlanTunnel.VNI && port == VxlanTunnel.PORT && !learning && device.local().equals(local);
    }
  }

  /**
   * {@code device}, created up (IFF_UP in the request) and with NLM_F_EXCL, so an existing link of that name is
   * refused rather than changed.
   */
  static MessageBuilder create(VxlanDevice device) {
    MessageBuilder message = new MessageBuilder(LinkRequests.RTM_NEWLINK,
        NetlinkSocket.NLM_F_CREATE | NetlinkSocket.NLM_F_EXCL);
    LinkRequests.ifinfomsg(message, 0, LinkRequests.IFF_UP, LinkRequests.IFF_UP);
    return message.attributeString(LinkRequests.IFLA_IFNAME, VxlanTunnel.DEVICE)
        .attribute(LinkRequests.IFLA_ADDRESS, device.mac().getBytes())
        .attributeU32(LinkRequests.IFLA_MTU, device.mtu())
        .beginNested(LinkRequests.IFLA_LINKINFO)
        .attributeString(LinkRequests.IFLA_INFO_KIND, KIND)
        .beginNested(LinkRequests.IFLA_INFO_DATA)
        .attributeU32(IFLA_VXLAN_ID, VxlanTunnel.VNI)
        .attribute(IFLA_VXLAN_LOCAL, InetBytes.bytes(device.local()))
        .attribute(IFLA_VXLAN_PORT, networkOrder(VxlanTunnel.PORT)) // __be16, unlike every other number here
        .attribute(IFLA_VXLAN_LEARNING, new byte[] {0})
        .endNested()
        .endNested();
  }

  /** The settings in a link answer's IFLA_INFO_DATA; call only for a link of kind {@value #KIND}. */
  static VxlanSettings settings(NetlinkMessage link) {
    Map<Integer, ByteBuffer> data = LinkRequests.infoData(link);
    int vni = data.containsKey(IFLA_VXLAN_ID) ? NetlinkMessage.u32(data.get(IFLA_VXLAN_ID)) : -1;
    byte[] port = data.containsKey(IFLA_VXLAN_PORT) ? NetlinkMessage.bytes(data.get(IFLA_VXLAN_PORT)) : new byte[2];
    IPAddress local = data.containsKey(IFLA_VXLAN_LOCAL)
        ? InetBytes.address(NetlinkMessage.bytes(data.get(IFLA_VXLAN_LOCAL))) : null;
    // Missing means the kernel's default, which is to learn.
    boolean learning = !data.containsKey(IFLA_VXLAN_LEARNING) || data.get(IFLA_VXLAN_LEARNING).get(0) != 0;
    return new VxlanSettings(vni, (Byte.toUnsignedInt(port[0]) << 8) | Byte.toUnsignedInt(port[1]), local, learning);
  }

  private static byte[] networkOrder(int port) {
    return new byte[] {(byte) (port >>> 8), (byte) port};
  }
}
