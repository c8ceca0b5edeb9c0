package org.calicomesos.ports.ipam;

import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;

/**
 * Assign {@code ipv4Count} IPv4 and {@code ipv6Count} IPv6 addresses to {@code handle}, preferring
 * blocks affine to {@code node}. {@code attributes} are stored with each address (e.g. the requesting host).
 */
public record AllocateCommand(NodeName node, HandleId handle, int ipv4Count, int ipv6Count, Map<String, String> attributes) {
  /** Upper bound per family and request: a container needs a handful, never a block's worth. */
  public static final int MAX_PER_FAMILY = 256;

  public AllocateCommand {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(handle, "handle");
    requireCount("num_ipv4", ipv4Count);
    requireCount("num_ipv6", ipv6Count);
    attributes = Map.copyOf(attributes);
  }

  /** Shared with {@link AssignAddressesCommand.Allocate}, so both refuse a count with the same sentence. */
  static void requireCount(String field, int count) {
    if (count < 0 || count > MAX_PER_FAMILY) {
      throw new InvalidRequestException(field + " must be between 0 and " + MAX_PER_FAMILY + ", got " + count);
    }
  }
}
