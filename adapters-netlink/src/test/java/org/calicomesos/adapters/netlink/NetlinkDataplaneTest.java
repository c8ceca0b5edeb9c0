package org.calicomesos.adapters.netlink;

import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.testkit.dataplane.DataplaneContract;

/** The shared Dataplane contract on the rtnetlink adapter, against the real kernel. */
class NetlinkDataplaneTest extends DataplaneContract {
  private final Dataplane dataplane = new NetlinkDataplane();

  @Override
  protected Dataplane dataplane() {
    return dataplane;
  }
}
