package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.ports.dataplane.Dataplane;

/** RTM_*ROUTE messages in the main table with our protocol (linux/rtnetlink.h), and the parsing of dumps. */
final class RouteRequests {
  static final int RTM_NEWROUTE = 24;
  static final int RTM_DELROUTE = 25;
  static final int RTM_GETROUTE = 26;
  static final int RT_TABLE_MAIN = 254;
  static final int RTN_UNICAST = 1;
  static final int RTN_BLACKHOLE = 6;
  static final int RT_SCOPE_UNIVERSE = 0;
  static final int RT_SCOPE_LINK = 253;
  /** rtm_flags: the gateway is taken to be on the link RTA_OIF names, whatever its address (an encapsulated route). */
  static final int RTNH_F_ONLINK = 4;

  private static final int RTMSG_LENGTH = 12;
  private static final int RTA_DST = 1;
  private static final int RTA_OIF = 4;
  private static final int RTA_GATEWAY = 5;
  private static final int RTA_TABLE = 15;

  private RouteRequests() {}

  /**
   * A route as a dump reports it; {@code oif} 0 when it has none (blackholes), {@code gateway} null when it has
   * none (a veth's route, a blackhole, a multipath route whose gateways are nested in RTA_MULTIPATH);
   * {@code flags} are rtm_flags (RTNH_F_ONLINK).
   */
  record RouteEntry(int family, int table, int protocol, int type, IPAddress destination, int oif,
      IPAddress gateway, int flags) {
    boolean onlink() {
      return (flags & RTNH_F_ONLINK) != 0;
    }
  }

  /**
   * A unicast route out of {@code oif}: scope link when it has no gateway. NLM_F_EXCL so a destination that is
   * already routed is refused instead of silently replaced.
   */
  static MessageBuilder addUnicast(IPAddress destination, Optional<IPAddress> gateway, int oif) {
    return unicast(RTM_NEWROUTE, NetlinkSocket.NLM_F_CREATE | NetlinkSocket.NLM_F_EXCL, destination, gateway, 0)
        .attributeU32(RTA_OIF, oif);
  }

  /**
   * A route via {@code gateway} with no RTA_OIF: the kernel picks the link the gateway is on, and refuses
   * (ENETUNREACH for IPv4, EHOSTUNREACH for IPv6) if it is on none. With {@code replace}, NLM_F_REPLACE: the
   * kernel then replaces whatever route has this destination (and metric), whatever its protocol, so the caller
   * must have checked that it is ours; without, NLM_F_EXCL refuses any route to the destination.
   */
  static MessageBuilder addViaGateway(IPAddress destination, IPAddress gateway, boolean replace) {
    return unicast(RTM_NEWROUTE, replaceOrExclusive(replace), destination, Optional.of(gateway), 0);
  }

  /**
   * A route via {@code gateway} out of {@code oif} with RTNH_F_ONLINK, so the kernel takes the gateway to be on that
   * link (the VXLAN device) however its address is routed; {@code replace} as for {@link #addViaGateway}.
   */
  static MessageBuilder addOnlink(IPAddress destination, IPAddress gateway, int oif, boolean replace) {
    return unicast(RTM_NEWROUTE, replaceOrExclusive(replace), destination, Optional.of(gateway), RTNH_F_ONLINK)
        .attributeU32(RTA_OIF, oif);
  }

  private static int replaceOrExclusive(boolean replace) {
    return NetlinkSocket.NLM_F_CREATE | (replace ? NetlinkSocket.NLM_F_REPLACE : NetlinkSocket.NLM_F_EXCL);
  }

  /**
   * The kernel deletes only a route of our protocol via this very gateway out of link {@code oif}; anything else is
   * ESRCH. Without the link it would take a route via that gateway out of any link, direct or encapsulated.
   */
  static MessageBuilder deleteViaGateway(IPAddress destination, IPAddress gateway, int oif) {
    return unicast(RTM_DELROUTE, 0, destination, Optional.of(gateway), 0).attributeU32(RTA_OIF, oif);
  }

  private static MessageBuilder unicast(int type, int flags, IPAddress destination, Optional<IPAddress> gateway,
      int routeFlags) {
    MessageBuilder message = new MessageBuilder(type, flags);
    rtmsg(message, destination, gateway.isPresent() ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK, RTN_UNICAST, routeFlags);
    destination(message, destination);
    gateway.ifPresent(g -> message.attribute(RTA_GATEWAY, InetBytes.bytes(g)));
    return message;
  }

  static MessageBuilder addBlackhole(IPAddress block) {
    MessageBuilder message = new MessageBuilder(RTM_NEWROUTE, NetlinkSocket.NLM_F_CREATE | NetlinkSocket.NLM_F_EXCL);
    rtmsg(message, block, RT_SCOPE_UNIVERSE, RTN_BLACKHOLE, 0);
    return destination(message, block);
  }

  /** The kernel deletes only a route whose type, protocol, table and destination all match. */
  static MessageBuilder deleteBlackhole(IPAddress block) {
    MessageBuilder message = new MessageBuilder(RTM_DELROUTE, 0);
    rtmsg(message, block, RT_SCOPE_UNIVERSE, RTN_BLACKHOLE, 0);
    return destination(message, block);
  }

  static MessageBuilder dump(int family) {
    MessageBuilder message = new MessageBuilder(RTM_GETROUTE, 0);
    return message.u8(family).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0);
  }

  static RouteEntry parse(NetlinkMessage message) {
    ByteBuffer payload = message.payload();
    int family = Byte.toUnsignedInt(payload.get(0));
    int dstLength = Byte.toUnsignedInt(payload.get(1));
    int table = Byte.toUnsignedInt(payload.get(4));
    int protocol = Byte.toUnsignedInt(payload.get(5));
    int type = Byte.toUnsignedInt(payload.get(7));
    int flags = payload.getInt(8);
    Map<Integer, ByteBuffer> attributes = message.attributes(RTMSG_LENGTH);
    if (attributes.containsKey(RTA_TABLE)) {
      table = NetlinkMessage.u32(attributes.get(RTA_TABLE)); // rtm_table is only 8 bits
    }
    IPAddress destination = attributes.containsKey(RTA_DST)
        ? InetBytes.prefix(NetlinkMessage.bytes(attributes.get(RTA_DST)), dstLength)
        : (family == InetBytes.AF_INET || family == InetBytes.AF_INET6) ? InetBytes.defaultPrefix(family) : null;
    int oif = attributes.containsKey(RTA_OIF) ? NetlinkMessage.u32(attributes.get(RTA_OIF)) : 0;
    IPAddress gateway = attributes.containsKey(RTA_GATEWAY)
        ? InetBytes.address(NetlinkMessage.bytes(attributes.get(RTA_GATEWAY))) : null;
    return new RouteEntry(family, table, protocol, type, destination, oif, gateway, flags);
  }

  private static void rtmsg(MessageBuilder message, IPAddress destination, int scope, int type, int flags) {
    message.u8(InetBytes.family(destination))
        .u8(InetBytes.prefixLength(destination))
        .u8(0) // rtm_src_len
        .u8(0) // rtm_tos
        .u8(RT_TABLE_MAIN)
        .u8(Dataplane.ROUTE_PROTOCOL)
        .u8(scope)
        .u8(type)
        .u32(flags); // rtm_flags
  }

  private static MessageBuilder destination(MessageBuilder message, IPAddress destination) {
    // A default route (length 0) has no RTA_DST, as iproute2 sends it.
    if (InetBytes.prefixLength(destination) > 0) {
      message.attribute(RTA_DST, InetBytes.bytes(destination));
    }
    return message;
  }
}
