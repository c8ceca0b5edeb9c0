package org.calicomesos.adapters.iproute2;

import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.testkit.dataplane.DataplaneContract;

class Iproute2DataplaneTest extends DataplaneContract {
  private final Dataplane dataplane = Iproute2Dataplane.onPath();

  @Override
  protected Dataplane dataplane() {
    return dataplane;
  }
}
