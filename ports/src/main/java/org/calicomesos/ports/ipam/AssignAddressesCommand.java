package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;

/**
 * What one net-modules request assigns to a container's {@code handle} (its uid), and who asked: this host's
 * {@code node} and the agent's {@code hostname}, which are recorded with every address. The whole request is
 * validated when the command is built — the container's {@code netgroups} and {@code labels} too, which IPAM
 * does not store — so a request the isolator's next step would refuse is refused before any address is taken.
 */
public sealed interface AssignAddressesCommand {
  NodeName node();

  HandleId handle();

  AgentHostname hostname();

  List<Netgroup> netgroups();

  Map<String, String> labels();

  /**
   * net-modules {@code allocate}: the {@code staticAddresses} the legacy static-address label names, reserved
   * by name, then {@code ipv4Count} IPv4 and {@code ipv6Count} IPv6 addresses from {@code pools} (as in
   * {@link AllocateCommand}: empty means any usable pool).
   */
  record Allocate(NodeName node, HandleId handle, AgentHostname hostname, int ipv4Count, int ipv6Count,
      List<IPAddress> staticAddresses, List<IPAddress> pools, List<Netgroup> netgroups, Map<String, String> labels)
      implements AssignAddressesCommand {
    public Allocate {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(hostname, "hostname");
      AllocateCommand.requireCount("num_ipv4", ipv4Count);
      AllocateCommand.requireCount("num_ipv6", ipv6Count);
      if (ipv4Count + ipv6Count + staticAddresses.size() == 0) {
        throw new InvalidRequestException("allocate asks for no addresses: num_ipv4 and num_ipv6 are both 0");
      }
      staticAddresses = staticAddresses.isEmpty() ? List.of() : ReserveCommand.requireReservable(staticAddresses);
      pools = AllocateCommand.requirePools(pools);
      netgroups = List.copyOf(netgroups);
      labels = Map.copyOf(labels);
    }

    /** From any usable pool. */
    public Allocate(NodeName node, HandleId handle, AgentHostname hostname, int ipv4Count, int ipv6Count,
        List<IPAddress> staticAddresses, List<Netgroup> netgroups, Map<String, String> labels) {
      this(node, handle, hostname, ipv4Count, ipv6Count, staticAddresses, List.of(), netgroups, labels);
    }
  }

  /** net-modules {@code reserve}: exactly these {@code addresses}, of either family. */
  record Reserve(NodeName node, HandleId handle, AgentHostname hostname, List<IPAddress> addresses,
      List<Netgroup> netgroups, Map<String, String> labels) implements AssignAddressesCommand {
    public Reserve {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(hostname, "hostname");
      addresses = ReserveCommand.requireReservable(addresses);
      netgroups = List.copyOf(netgroups);
      labels = Map.copyOf(labels);
    }
  }
}
