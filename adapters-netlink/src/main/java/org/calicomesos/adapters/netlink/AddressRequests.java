package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/** RTM_*ADDR messages (linux/if_addr.h) and the parsing of their answers. */
final class AddressRequests {
  static final int RTM_NEWADDR = 20;
  static final int RTM_GETADDR = 22;
  static final int RT_SCOPE_UNIVERSE = 0;

  private static final int IFADDRMSG_LENGTH = 8;
  private static final int IFA_ADDRESS = 1;
  private static final int IFA_LOCAL = 2;
  private static final int IFA_FLAGS = 8;
  private static final int IFA_F_NODAD = 0x02;

  private AddressRequests() {}

  /** An address as the kernel reports it: the local address's bytes, and its prefix length apart. */
  record InterfaceAddress(int index, int scope, byte[] address, int prefixLength) {}

  /**
   * {@code address} (with its prefix length) on interface {@code index}. IPv6 addresses skip duplicate address
   * detection: the IPAM already made them unique, and a tentative address refuses connections for a second.
   */
  static MessageBuilder add(int index, IPAddress address) {
    MessageBuilder message = new MessageBuilder(RTM_NEWADDR, NetlinkSocket.NLM_F_CREATE | NetlinkSocket.NLM_F_EXCL);
    message.u8(InetBytes.family(address)).u8(InetBytes.prefixLength(address)).u8(0).u8(RT_SCOPE_UNIVERSE).u32(index);
    byte[] bytes = InetBytes.bytes(address);
    message.attribute(IFA_LOCAL, bytes).attribute(IFA_ADDRESS, bytes);
    if (!address.isIPv4()) {
      message.attributeU32(IFA_FLAGS, IFA_F_NODAD);
    }
    return message;
  }

  static MessageBuilder dump() {
    MessageBuilder message = new MessageBuilder(RTM_GETADDR, 0);
    return message.u8(InetBytes.AF_UNSPEC).u8(0).u8(0).u8(0).u32(0);
  }

  static InterfaceAddress parse(NetlinkMessage message) {
    ByteBuffer payload = message.payload();
    int prefixLength = Byte.toUnsignedInt(payload.get(1));
    int scope = Byte.toUnsignedInt(payload.get(3));
    int index = payload.getInt(4);
    Map<Integer, ByteBuffer> attributes = message.attributes(IFADDRMSG_LENGTH);
    // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer's on point-to-point links.
    ByteBuffer local = attributes.containsKey(IFA_LOCAL) ? attributes.get(IFA_LOCAL) : attributes.get(IFA_ADDRESS);
    return new InterfaceAddress(index, scope, local == null ? new byte[0] : NetlinkMessage.bytes(local),
        prefixLength);
  }
}
