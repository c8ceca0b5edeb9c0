package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import org.calicomesos.ports.routing.RouteTable;

/** Stands in for the netlink and iproute2 route tables until branch issue9-routetable is merged; removed then. */
@Module
interface PendingRouteTablesModule {
  @Provides
  @Named("netlink")
  static RouteTable netlink() {
    throw new UnsupportedOperationException("the netlink route table is not merged yet");
  }

  @Provides
  @Named("iproute2")
  static RouteTable iproute2() {
    throw new UnsupportedOperationException("the iproute2 route table is not merged yet");
  }
}
