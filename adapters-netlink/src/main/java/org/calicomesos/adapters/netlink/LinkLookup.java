package org.calicomesos.adapters.netlink;

import java.util.Optional;
import org.calicomesos.ports.dataplane.InterfaceName;

/** Asks the kernel for one link by name; a name nobody has is an empty answer, not a failure. */
final class LinkLookup {
  private LinkLookup() {}

  static Optional<LinkRequests.Link> find(NetlinkSocket socket, InterfaceName name) {
    return answer(socket, name).map(LinkRequests::parse);
  }

  /** The kernel's whole answer, for the attributes {@link LinkRequests.Link} leaves out (a kind's own data). */
  static Optional<NetlinkMessage> answer(NetlinkSocket socket, InterfaceName name) {
    try {
      for (NetlinkMessage message : socket.request(LinkRequests.get(name), "look up interface " + name)) {
        if (message.type() == LinkRequests.RTM_NEWLINK) {
          return Optional.of(message);
        }
      }
      return Optional.empty();
    } catch (KernelRefusal refusal) {
      if (refusal.errno() == Errno.ENODEV) {
        return Optional.empty();
      }
      throw refusal;
    }
  }
}
