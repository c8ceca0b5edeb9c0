package org.calicomesos.adapters.iproute2;

import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.testkit.routing.VxlanTunnelContract;

/** The shared VxlanTunnel contract on the ip/bridge-command adapter, in a throw-away namespace of the real kernel. */
class Iproute2VxlanTunnelTest extends VxlanTunnelContract {
  @Override
  protected VxlanTunnel vxlanTunnel() {
    return Iproute2VxlanTunnel.onPath();
  }
}
