package org.calicomesos.ports.attachment;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Route;

/**
 * What an attachment is once made (CNI's result): the host end {@code hostInterface} with {@code hostMac}, the
 * container end {@code id.ifname()} with {@code containerMac}, its {@code addresses} with their prefix length
 * ({@code /32}, {@code /128}), and the routes inside the container (their gateways are the container's).
 */
public record Attachment(AttachmentId id, InterfaceName hostInterface, MACAddress hostMac, MACAddress containerMac,
    int mtu, List<IPAddress> addresses, List<Route> containerRoutes) {
  public Attachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hostInterface, "hostInterface");
    Objects.requireNonNull(hostMac, "hostMac");
    Objects.requireNonNull(containerMac, "containerMac");
    addresses = List.copyOf(addresses);
    containerRoutes = List.copyOf(containerRoutes);
  }
}
