package org.calicomesos.adapters.netlink;

import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.testkit.routing.RouteTableContract;

/** The shared RouteTable contract on the rtnetlink adapter, in a throw-away namespace of the real kernel. */
class NetlinkRouteTableTest extends RouteTableContract {
  @Override
  protected RouteTable routeTable() {
    return new NetlinkRouteTable();
  }

  @Override
  protected Dataplane dataplane() {
    return new NetlinkDataplane();
  }
}
