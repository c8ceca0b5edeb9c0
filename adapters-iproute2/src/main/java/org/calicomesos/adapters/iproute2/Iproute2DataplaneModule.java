package org.calicomesos.adapters.iproute2;

import dagger.Module;
import dagger.Provides;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * Offers the {@code ip}-command dataplane, route table and VXLAN tunnel as {@link Iproute2}; the composition root chooses it through a
 * {@code Provider}, so it is only constructed when configured.
 */
@Module
public final class Iproute2DataplaneModule {
  private Iproute2DataplaneModule() {}

  @Provides
  @Iproute2
  public static Dataplane iproute2Dataplane() {
    return Iproute2Dataplane.onPath();
  }

  @Provides
  @Iproute2
  public static RouteTable iproute2RouteTable() {
    return Iproute2RouteTable.onPath();
  }

  @Provides
  @Iproute2
  public static VxlanTunnel iproute2VxlanTunnel() {
    return Iproute2VxlanTunnel.onPath();
  }
}
