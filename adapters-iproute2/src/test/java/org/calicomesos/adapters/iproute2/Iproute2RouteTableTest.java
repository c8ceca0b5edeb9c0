package org.calicomesos.adapters.iproute2;

import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.testkit.routing.RouteTableContract;

/** The shared RouteTable contract on the ip-command adapter, in a throw-away namespace of the real kernel. */
class Iproute2RouteTableTest extends RouteTableContract {
  @Override
  protected RouteTable routeTable() {
    return Iproute2RouteTable.onPath();
  }

  @Override
  protected Dataplane dataplane() {
    return Iproute2Dataplane.onPath();
  }
}
