package org.calicomesos.adapters.netlink;

import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.testkit.routing.VxlanTunnelContract;

/** The shared VxlanTunnel contract on the rtnetlink adapter, in a throw-away namespace of the real kernel. */
class NetlinkVxlanTunnelTest extends VxlanTunnelContract {
  @Override
  protected VxlanTunnel vxlanTunnel() {
    return new NetlinkVxlanTunnel();
  }
}
