package org.calicomesos.ports.node;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Objects;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.NodeName;

/**
 * One host as the datastore knows it: the host IP its {@code default_<node>} profile admits (absent until the
 * first isolate on it wrote that profile), the blocks affine to it (IPv4 then IPv6) and how many endpoint
 * records it has, readable or not; how it and the other hosts route to each other; and the pools whose containers'
 * traffic leaving the pools it masquerades (NAT outgoing, cluster-wide like the pools).
 */
public record NodeStatus(NodeName node, Readout<IPAddress> hostIp, List<IPAddress> affineBlocks, int endpoints,
    HostRouting routing, List<IPAddress> natOutgoingPools) {
  public NodeStatus {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(hostIp, "hostIp");
    Objects.requireNonNull(routing, "routing");
    affineBlocks = List.copyOf(affineBlocks);
    natOutgoingPools = List.copyOf(natOutgoingPools);
  }
}
