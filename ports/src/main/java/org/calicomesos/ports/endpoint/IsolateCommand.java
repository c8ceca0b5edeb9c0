package org.calicomesos.ports.endpoint;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;

/**
 * Give a container its network: its {@code addresses} (already allocated or reserved) on an interface in
 * {@code namespace}, and membership of {@code netgroups} ({@link Netgroup#PUBLIC} makes it reachable by
 * everyone). {@code labels} are stored on the endpoint for selector policy.
 */
public record IsolateCommand(
    ContainerId container,
    NetworkNamespace namespace,
    List<IPAddress> addresses,
    List<Netgroup> netgroups,
    Map<String, String> labels) {

  public IsolateCommand {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(namespace, "namespace");
    if (addresses.isEmpty()) {
      throw new InvalidRequestException("isolate needs at least one address in ipv4_addrs or ipv6_addrs");
    }
    if (addresses.size() > AllocateCommand.MAX_PER_FAMILY * 2) {
      throw new InvalidRequestException("isolate takes at most " + AllocateCommand.MAX_PER_FAMILY * 2 + " addresses");
    }
    Set<IPAddress> seen = new HashSet<>();
    for (IPAddress address : addresses) {
      if (!seen.add(address.withoutPrefixLength())) {
        throw new InvalidRequestException("IP " + address.toCanonicalString() + " is named twice");
      }
    }
    addresses = List.copyOf(addresses);
    netgroups = List.copyOf(new ArrayList<>(new java.util.LinkedHashSet<>(netgroups)));
    labels = Map.copyOf(labels);
  }

  public boolean isPublic() {
    return netgroups.contains(Netgroup.PUBLIC);
  }
}
