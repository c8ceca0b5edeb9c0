package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * RTM_*NEIGH messages (linux/neighbour.h) for a device's own tables: IPv4 neighbour entries (AF_INET, the ARP
 * table) and forwarding entries (AF_BRIDGE with NTF_SELF: the VXLAN device's table of which host has a MAC, not a
 * bridge's). Every entry we write is NUD_PERMANENT, so the kernel never ages it out or probes it.
 */
final class NeighbourRequests {
  static final int AF_BRIDGE = 7;
  static final int NUD_PERMANENT = 0x80;

  private static final int RTM_NEWNEIGH = 28;
  private static final int RTM_DELNEIGH = 29;
  private static final int RTM_GETNEIGH = 30;
  private static final int NTF_SELF = 0x02;
  private static final int NDMSG_LENGTH = 12;
  private static final int NDA_DST = 1;
  private static final int NDA_LLADDR = 2;
  private static final int MAC_LENGTH = 6;

  private NeighbourRequests() {}

  /** An entry as a dump reports it; {@code destination} or {@code mac} null when it has none (or not a MAC). */
  record Entry(int family, int index, int state, IPAddress destination, MACAddress mac) {
    boolean permanent() {
      return (state & NUD_PERMANENT) != 0;
    }
  }

  /** Writes or overwrites (NLM_F_REPLACE) the neighbour entry {@code address lladdr mac}. */
  static MessageBuilder replaceNeighbour(int index, IPAddress address, MACAddress mac) {
    return replace(InetBytes.AF_INET, index, 0).attribute(NDA_DST, InetBytes.bytes(address))
        .attribute(NDA_LLADDR, mac.getBytes());
  }

  /** The kernel deletes the entry for {@code address} whatever its MAC; ENOENT if there is none. */
  static MessageBuilder deleteNeighbour(int index, IPAddress address) {
    return ndmsg(new MessageBuilder(RTM_DELNEIGH, 0), InetBytes.AF_INET, index, 0, 0)
        .attribute(NDA_DST, InetBytes.bytes(address));
  }

  /** Writes or overwrites the forwarding entry {@code mac dst destination}; a unicast MAC has one destination. */
  static MessageBuilder replaceForwarding(int index, MACAddress mac, IPAddress destination) {
    return replace(AF_BRIDGE, index, NTF_SELF).attribute(NDA_LLADDR, mac.getBytes())
        .attribute(NDA_DST, InetBytes.bytes(destination));
  }

  /**
   * Deletes the forwarding entry for {@code mac}. The kernel answers success without deleting anything when the
   * entry sends {@code mac} elsewhere than {@code destination}, so callers read first.
   */
  static MessageBuilder deleteForwarding(int index, MACAddress mac, IPAddress destination) {
    return ndmsg(new MessageBuilder(RTM_DELNEIGH, 0), AF_BRIDGE, index, 0, NTF_SELF)
        .attribute(NDA_LLADDR, mac.getBytes()).attribute(NDA_DST, InetBytes.bytes(destination));
  }

  /** Every entry of {@code family} on every link (AF_INET: neighbours; AF_BRIDGE: forwarding entries). */
  static MessageBuilder dump(int family) {
    return ndmsg(new MessageBuilder(RTM_GETNEIGH, 0), family, 0, 0, 0);
  }

  static Entry parse(NetlinkMessage message) {
    ByteBuffer payload = message.payload();
    int family = Byte.toUnsignedInt(payload.get(0));
    int index = payload.getInt(4);
    int state = Short.toUnsignedInt(payload.getShort(8));
    Map<Integer, ByteBuffer> attributes = message.attributes(NDMSG_LENGTH);
    ByteBuffer destination = attributes.get(NDA_DST);
    ByteBuffer mac = attributes.get(NDA_LLADDR);
    return new Entry(family, index, state,
        destination == null ? null : InetBytes.address(NetlinkMessage.bytes(destination)),
        mac == null || mac.remaining() != MAC_LENGTH ? null : new MACAddress(NetlinkMessage.bytes(mac)));
  }

  private static MessageBuilder replace(int family, int index, int flags) {
    MessageBuilder message = new MessageBuilder(RTM_NEWNEIGH, NetlinkSocket.NLM_F_CREATE | NetlinkSocket.NLM_F_REPLACE);
    return ndmsg(message, family, index, NUD_PERMANENT, flags);
  }

  private static MessageBuilder ndmsg(MessageBuilder message, int family, int index, int state, int flags) {
    return message.u8(family).u8(0).u16(0).u32(index).u16(state).u8(flags).u8(0);
  }
}
