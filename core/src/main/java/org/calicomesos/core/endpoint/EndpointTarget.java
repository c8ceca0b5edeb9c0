package org.calicomesos.core.endpoint;

import java.util.Objects;
import java.util.Optional;
import org.calicomesos.core.portmap.PortClaim;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Which endpoint {@link EndpointPlumbing} connects or disconnects: its id, the host end's name (derived from the
 * id), the container end's name, and the CNI attachment it is, if it is one. Everything is derived from the
 * request alone, so every step finds the same records and interface without reading anything first.
 */
public record EndpointTarget(EndpointId id, ContainerId container, InterfaceName hostInterface,
    InterfaceName containerInterface, Optional<AttachmentId> attachment) {
  public EndpointTarget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(hostInterface, "hostInterface");
    Objects.requireNonNull(containerInterface, "containerInterface");
    Objects.requireNonNull(attachment, "attachment");
  }

  /** A net-modules container: one endpoint per container, its interface {@code eth0}. */
  public static EndpointTarget ofContainer(ContainerId container) {
    EndpointId id = EndpointId.of(container);
    return new EndpointTarget(id, container, new InterfaceName(id.hostInterfaceName()),
        VethPlanner.NET_MODULES_INTERFACE, Optional.empty());
  }

  /** A CNI attachment: one endpoint per container and interface name on a network. */
  public static EndpointTarget ofAttachment(AttachmentId attachment) {
    EndpointId id = attachment.endpoint();
    return new EndpointTarget(id, attachment.container(), new InterfaceName(id.hostInterfaceName()),
        attachment.ifname(), Optional.of(attachment));
  }

  /**
   * Where this target's records are: for net-modules every record of the container (it has one endpoint, and a
   * cleanup removes whatever is there); for an attachment its own record only, since the container may have others.
   */
  String recordsPrefix(DatastoreKeys keys, NodeName node) {
    return attachment.isPresent() ? keys.endpoint(node, container, id) : keys.endpointPrefix(node, container);
  }

  /** Whether {@code endpoint}, a record of this target's container, is this target's (net-modules: every one). */
  public boolean owns(Endpoint endpoint) {
    return attachment.isEmpty() || endpoint.id().equals(id);
  }

  /** Whether a host port claim is this target's: the attachment's own, or any of the net-modules container's. */
  public boolean holds(PortClaim claim) {
    return claim.container().equals(container) && (attachment.isEmpty() || claim.endpoint().equals(id));
  }

  /** How the log names it: "container c1" or "attachment net/c1/eth1". */
  String describe() {
    return attachment.map(a -> "attachment " + a).orElse("container " + container);
  }
}
