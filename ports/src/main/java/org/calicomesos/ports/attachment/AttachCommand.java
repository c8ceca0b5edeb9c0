package org.calicomesos.ports.attachment;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.PortMapping;

/**
 * CNI {@code ADD}: give attachment {@code id} its addresses and its interface in {@code namespace}, as a member of
 * {@code netgroups} with {@code labels} on its endpoint, with {@code portMappings} from this host's ports (each
 * host port at most once per protocol). {@code node} and {@code hostname} are recorded with the addresses, as for
 * net-modules.
 */
public record AttachCommand(NodeName node, AgentHostname hostname, AttachmentId id, NetworkNamespace namespace,
    AddressRequest addresses, List<Netgroup> netgroups, Map<String, String> labels, List<PortMapping> portMappings) {
  /** An attachment without port mappings. */
  public AttachCommand(NodeName node, AgentHostname hostname, AttachmentId id, NetworkNamespace namespace,
      AddressRequest addresses, List<Netgroup> netgroups, Map<String, String> labels) {
    this(node, hostname, id, namespace, addresses, netgroups, labels, List.of());
  }

  public AttachCommand {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(addresses, "addresses");
    netgroups = List.copyOf(new LinkedHashSet<>(netgroups));
    labels = Map.copyOf(labels);
    portMappings = List.copyOf(new LinkedHashSet<>(portMappings));
    for (int i = 0; i < portMappings.size(); i++) {
      for (int j = i + 1; j < portMappings.size(); j++) {
        if (portMappings.get(i).sharesHostPort(portMappings.get(j))) {
          throw new InvalidRequestException("host port " + portMappings.get(i).protocol().keyword() + " "
              + portMappings.get(i).hostPort() + " is mapped twice, to container ports "
              + portMappings.get(i).containerPort() + " and " + portMappings.get(j).containerPort());
        }
      }
    }
  }
}
