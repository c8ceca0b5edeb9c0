package org.calicomesos.adapters.netlink;

import java.nio.ByteBuffer;
import java.util.Map;
import org.calicomesos.ports.dataplane.InterfaceName;

/** RTM_*LINK messages (linux/rtnetlink.h, if_link.h, veth.h) and the parsing of their answers. */
final class LinkRequests {
  static final int RTM_NEWLINK = 16;
  static final int RTM_DELLINK = 17;
  static final int RTM_GETLINK = 18;
  static final int IFINFOMSG_LENGTH = 16;
  static final int IFF_UP = 0x1;

  static final int IFLA_ADDRESS = 1;
  static final int IFLA_IFNAME = 3;
  static final int IFLA_MTU = 4;
  static final int IFLA_LINKINFO = 18;
  private static final int IFLA_NET_NS_FD = 28;
  private static final int IFLA_EXT_MASK = 29;
  static final int IFLA_INFO_KIND = 1;
  static final int IFLA_INFO_DATA = 2;
  private static final int VETH_INFO_PEER = 1;
  private static final int RTEXT_FILTER_SKIP_STATS = 1 << 3; // answers without counters are a fifth the size

  private LinkRequests() {}

  /** A link as the kernel reports it; {@code kind} is IFLA_INFO_KIND ("veth", "vxlan"), empty for a physical link. */
  record Link(int index, String name, byte[] mac, int mtu, int flags, String kind) {
    boolean up() {
      return (flags & IFF_UP) != 0;
    }
  }

  /**
   * Both ends at once, the peer created directly in the namespace {@code peerNamespaceFd} names: moving an
   * existing veth between namespaces would cost a kernel RCU grace period (tens of ms).
   */
  static MessageBuilder newVeth(InterfaceName host, byte[] hostMac, int mtu, InterfaceName peer, int peerNamespaceFd) {
    MessageBuilder message = new MessageBuilder(RTM_NEWLINK, NetlinkSocket.NLM_F_CREATE | NetlinkSocket.NLM_F_EXCL);
    ifinfomsg(message, 0, 0, 0);
    message.attributeString(IFLA_IFNAME, host.value())
        .attribute(IFLA_ADDRESS, hostMac)
        .attributeU32(IFLA_MTU, mtu)
        .beginNested(IFLA_LINKINFO)
        .attributeString(IFLA_INFO_KIND, "veth")
        .beginNested(IFLA_INFO_DATA)
        .beginNested(VETH_INFO_PEER);
    ifinfomsg(message, 0, 0, 0); // the peer's own ifinfomsg comes first inside VETH_INFO_PEER
    message.attributeString(IFLA_IFNAME, peer.value())
        .attributeU32(IFLA_MTU, mtu)
        .attributeU32(IFLA_NET_NS_FD, peerNamespaceFd)
        .endNested()
        .endNested()
        .endNested();
    return message;
  }

  static MessageBuilder setUp(int index) {
    MessageBuilder message = new MessageBuilder(RTM_NEWLINK, 0);
    return ifinfomsg(message, index, IFF_UP, IFF_UP);
  }

  /**
   * Brings the link up and sets {@code mac} (null: left as it is) and {@code mtu} (0: left as it is). Only what
   * changes should be sent: setting a MAC, even the one the link has, makes the kernel flush the link's neighbour
   * entries, permanent ones too.
   */
  static MessageBuilder change(int index, byte[] mac, int mtu) {
    MessageBuilder message = ifinfomsg(new MessageBuilder(RTM_NEWLINK, 0), index, IFF_UP, IFF_UP);
    if (mac != null) {
      message.attribute(IFLA_ADDRESS, mac);
    }
    if (mtu != 0) {
      message.attributeU32(IFLA_MTU, mtu);
    }
    return message;
  }

  static MessageBuilder delete(InterfaceName name) {
    MessageBuilder message = new MessageBuilder(RTM_DELLINK, 0);
    return ifinfomsg(message, 0, 0, 0).attributeString(IFLA_IFNAME, name.value());
  }

  static MessageBuilder get(InterfaceName name) {
    MessageBuilder message = new MessageBuilder(RTM_GETLINK, 0);
    return ifinfomsg(message, 0, 0, 0)
        .attributeString(IFLA_IFNAME, name.value())
        .attributeU32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
  }

  static MessageBuilder dump() {
    MessageBuilder message = new MessageBuilder(RTM_GETLINK, 0);
    return ifinfomsg(message, 0, 0, 0).attributeU32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
  }

  static Link parse(NetlinkMessage message) {
    ByteBuffer payload = message.payload();
    int index = payload.getInt(4);
    int flags = payload.getInt(8);
    Map<Integer, ByteBuffer> attributes = message.attributes(IFINFOMSG_LENGTH);
    String name = attributes.containsKey(IFLA_IFNAME) ? NetlinkMessage.string(attributes.get(IFLA_IFNAME)) : "";
    byte[] mac = attributes.containsKey(IFLA_ADDRESS) ? NetlinkMessage.bytes(attributes.get(IFLA_ADDRESS)) : new byte[0];
    int mtu = attributes.containsKey(IFLA_MTU) ? NetlinkMessage.u32(attributes.get(IFLA_MTU)) : 0;
    return new Link(index, name, mac, mtu, flags, kind(attributes));
  }

  /** IFLA_INFO_DATA, the kind's own attributes (e.g. a VXLAN device's VNI), or empty when the link has none. */
  static Map<Integer, ByteBuffer> infoData(NetlinkMessage message) {
    ByteBuffer linkInfo = message.attributes(IFINFOMSG_LENGTH).get(IFLA_LINKINFO);
    ByteBuffer data = linkInfo == null ? null : NetlinkMessage.attributesOf(linkInfo, 0).get(IFLA_INFO_DATA);
    return data == null ? Map.of() : NetlinkMessage.attributesOf(data, 0);
  }

  private static String kind(Map<Integer, ByteBuffer> attributes) {
    ByteBuffer linkInfo = attributes.get(IFLA_LINKINFO);
    ByteBuffer kind = linkInfo == null ? null : NetlinkMessage.attributesOf(linkInfo, 0).get(IFLA_INFO_KIND);
    return kind == null ? "" : NetlinkMessage.string(kind);
  }

  static MessageBuilder ifinfomsg(MessageBuilder message, int index, int flags, int change) {
    return message.u8(InetBytes.AF_UNSPEC).u8(0).u16(0).u32(index).u32(flags).u32(change);
  }
}
