package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;

/**
 * A workload endpoint record, as Calico's v1 layout has it: the host-side interface, the container's MAC, its
 * nets (/32 and /128), profiles in order, labels — plus the handle that held its addresses when it was
 * isolated, so {@code cleanup} frees only what that handle still holds — and, for a CNI attachment, which one it
 * is (network, container, interface), so CNI's {@code GC} can tell the attachments of a network apart; and the
 * host ports mapped to it, which the agent turns into DNAT.
 */
public record Endpoint(
    EndpointId id,
    ContainerId container,
    String interfaceName,
    String mac,
    List<IPAddress> ipv4Nets,
    List<IPAddress> ipv6Nets,
    List<ProfileName> profiles,
    Map<String, String> labels,
    Optional<HandleId> handle,
    Optional<AttachmentId> attachment,
    List<PortMapping> portMappings) {

  /** An endpoint without port mappings. */
  public Endpoint(EndpointId id, ContainerId container, String interfaceName, String mac, List<IPAddress> ipv4Nets,
      List<IPAddress> ipv6Nets, List<ProfileName> profiles, Map<String, String> labels, Optional<HandleId> handle,
      Optional<AttachmentId> attachment) {
    this(id, container, interfaceName, mac, ipv4Nets, ipv6Nets, profiles, labels, handle, attachment, List.of());
  }

  public Endpoint {
    if (attachment.isPresent() && !attachment.get().container().equals(container)) {
      throw new IllegalArgumentException("attachment " + attachment.get() + " is not of container " + container);
    }
    ipv4Nets = List.copyOf(ipv4Nets);
    ipv6Nets = List.copyOf(ipv6Nets);
    profiles = List.copyOf(profiles);
    labels = Map.copyOf(labels);
    portMappings = List.copyOf(portMappings);
  }

  public Endpoint withLabels(Map<String, String> newLabels) {
    return new Endpoint(id, container, interfaceName, mac, ipv4Nets, ipv6Nets, profiles, newLabels, handle, attachment,
        portMappings);
  }

  /** Every address, without prefix length, IPv4 first. */
  public List<IPAddress> addresses() {
    List<IPAddress> addresses = new ArrayList<>();
    ipv4Nets.forEach(net -> addresses.add(net.withoutPrefixLength()));
    ipv6Nets.forEach(net -> addresses.add(net.withoutPrefixLength()));
    return addresses;
  }

  boolean hasAddresses(List<IPAddress> others) {
    Set<IPAddress> mine = new HashSet<>(addresses());
    Set<IPAddress> theirs = new HashSet<>();
    others.forEach(a -> theirs.add(a.withoutPrefixLength()));
    return mine.equals(theirs);
  }
}
