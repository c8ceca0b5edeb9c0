package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;

/** Assign exactly these addresses to {@code handle}. */
public record ReserveCommand(NodeName node, HandleId handle, List<IPAddress> addresses, Map<String, String> attributes) {
  public ReserveCommand {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(handle, "handle");
    addresses = requireReservable(addresses);
    attributes = Map.copyOf(attributes);
  }

  /**
   * The rules for addresses reserved by name, shared with {@link AssignAddressesCommand}, so that a request is
   * refused with the same sentence whichever command carries it.
   */
  static List<IPAddress> requireReservable(List<IPAddress> addresses) {
    if (addresses.isEmpty()) {
      throw new InvalidRequestException("reserve needs at least one address in ipv4_addrs or ipv6_addrs");
    }
    if (addresses.size() > AllocateCommand.MAX_PER_FAMILY * 2) {
      throw new InvalidRequestException("reserve takes at most " + AllocateCommand.MAX_PER_FAMILY * 2 + " addresses");
    }
    if (new LinkedHashSet<>(addresses).size() != addresses.size()) {
      throw new InvalidRequestException("reserve names the same address twice");
    }
    return List.copyOf(addresses);
  }
}
