package org.calicomesos.ports.dataplane;

import inet.ipaddr.mac.MACAddress;
import java.util.Objects;

/** What {@link Dataplane#plumb} made: the host end's name and the MAC the container's interface got. */
public record PlumbedInterface(InterfaceName hostInterface, MACAddress containerMac) {
  public PlumbedInterface {
    Objects.requireNonNull(hostInterface, "hostInterface");
    Objects.requireNonNull(containerMac, "containerMac");
  }
}
