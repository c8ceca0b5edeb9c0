package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;

/**
 * Assign {@code ipv4Count} IPv4 and {@code ipv6Count} IPv6 addresses to {@code handle}, preferring
 * blocks affine to {@code node}, from {@code pools} (CIDRs of existing pools, in order of preference; each family
 * is restricted only by the named pools of that family: a family none of them is of takes any usable pool of it;
 * empty: any usable pool). {@code attributes} are stored with each address (e.g. the requesting host).
 */
public record AllocateCommand(NodeName node, HandleId handle, int ipv4Count, int ipv6Count, List<IPAddress> pools,
    Map<String, String> attributes) {
  /** Upper bound per family and request: a container needs a handful, never a block's worth. */
  public static final int MAX_PER_FAMILY = 256;

  public AllocateCommand {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(handle, "handle");
    requireCount("num_ipv4", ipv4Count);
    requireCount("num_ipv6", ipv6Count);
    pools = requirePools(pools);
    attributes = Map.copyOf(attributes);
  }

  /** From any usable pool. */
  public AllocateCommand(NodeName node, HandleId handle, int ipv4Count, int ipv6Count, Map<String, String> attributes) {
    this(node, handle, ipv4Count, ipv6Count, List.of(), attributes);
  }

  /** Shared with {@link AssignAddressesCommand.Allocate}: pools are named by their CIDR, each once. */
  static List<IPAddress> requirePools(List<IPAddress> pools) {
    for (IPAddress pool : pools) {
      if (!pool.isPrefixed()) {
        throw new InvalidRequestException("pool " + pool + " must be named by its CIDR, e.g. 10.1.0.0/16");
      }
    }
    if (new java.util.LinkedHashSet<>(pools).size() != pools.size()) {
      throw new InvalidRequestException("the same pool is named twice");
    }
    return List.copyOf(pools);
  }

  /** Shared with {@link AssignAddressesCommand.Allocate}, so both refuse a count with the same sentence. */
  static void requireCount(String field, int count) {
    if (count < 0 || count > MAX_PER_FAMILY) {
      throw new InvalidRequestException(field + " must be between 0 and " + MAX_PER_FAMILY + ", got " + count);
    }
  }
}
