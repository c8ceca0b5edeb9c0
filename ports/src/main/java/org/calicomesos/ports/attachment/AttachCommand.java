package org.calicomesos.ports.attachment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;

/**
 * CNI {@code ADD}: give attachment {@code id} its addresses and its interface in {@code namespace}, as a member of
 * {@code netgroups} with {@code labels} on its endpoint. {@code node} and {@code hostname} are recorded with the
 * addresses, as for net-modules.
 */
public record AttachCommand(NodeName node, AgentHostname hostname, AttachmentId id, NetworkNamespace namespace,
    AddressRequest addresses, List<Netgroup> netgroups, Map<String, String> labels) {
  public AttachCommand {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(addresses, "addresses");
    netgroups = List.copyOf(new java.util.LinkedHashSet<>(netgroups));
    labels = Map.copyOf(labels);
  }
}
