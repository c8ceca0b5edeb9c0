package org.calicomesos.ports.attachment;

import java.util.Objects;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NetworkName;

/**
 * One CNI attachment, as the spec identifies it: a container's interface {@code ifname} on {@code network}. Its
 * allocation handle and its endpoint id are derived from these three alone, so every verb (and a DEL after a
 * crash or a reboot) finds the same records and the same host interface without reading anything first.
 */
public record AttachmentId(NetworkName network, ContainerId container, InterfaceName ifname) {
  public AttachmentId {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(ifname, "ifname");
  }

  /**
   * {@code <network>:<container>:<ifname>}: ':' is in none of the three, so the handle names one attachment only,
   * and never a net-modules uid (which has no ':').
   */
  public HandleId handle() {
    return HandleId.ofAttachment(network.value() + ":" + container.value() + ":" + ifname.value());
  }

  /** The endpoint's id (and with it the host interface's name), from the same three. */
  public EndpointId endpoint() {
    return EndpointId.ofAttachment(network, container, ifname.value());
  }

  @Override
  public String toString() {
    return network + "/" + container + "/" + ifname;
  }
}
