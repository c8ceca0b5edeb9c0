package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code pool add CIDR [--block-size N] [--strict-affinity] [--vxlan] [--nat-outgoing]}; the block size defaults per
 * family.
 */
public record AddPoolCommand(IPAddress cidr, OptionalInt blockPrefixLength, boolean strictAffinity,
    Encapsulation encapsulation, boolean natOutgoing) {
  public AddPoolCommand {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(blockPrefixLength, "blockPrefixLength");
    Objects.requireNonNull(encapsulation, "encapsulation");
  }

  /** A pool without NAT outgoing. */
  public AddPoolCommand(IPAddress cidr, OptionalInt blockPrefixLength, boolean strictAffinity,
      Encapsulation encapsulation) {
    this(cidr, blockPrefixLength, strictAffinity, encapsulation, false);
  }

  /** A pool whose addresses on other hosts are routed directly, without NAT outgoing. */
  public AddPoolCommand(IPAddress cidr, OptionalInt blockPrefixLength, boolean strictAffinity) {
    this(cidr, blockPrefixLength, strictAffinity, Encapsulation.NONE);
  }
}
