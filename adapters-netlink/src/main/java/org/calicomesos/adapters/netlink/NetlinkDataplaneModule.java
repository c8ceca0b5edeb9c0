package org.calicomesos.adapters.netlink;

import dagger.Module;
import dagger.Provides;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * Offers the rtnetlink dataplane, route table and VXLAN tunnel as {@link Netlink}. Constructing it is free: libc is bound on the
 * first kernel call, so a request that never touches the dataplane never loads jnr.
 */
@Module
public final class NetlinkDataplaneModule {
  private NetlinkDataplaneModule() {}

  @Provides
  @Netlink
  public static Dataplane netlinkDataplane() {
    return new NetlinkDataplane();
  }

  @Provides
  @Netlink
  public static RouteTable netlinkRouteTable() {
    return new NetlinkRouteTable();
  }

  @Provides
  @Netlink
  public static VxlanTunnel netlinkVxlanTunnel() {
    return new NetlinkVxlanTunnel();
  }
}
