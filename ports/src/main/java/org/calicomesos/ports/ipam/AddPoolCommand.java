package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.OptionalInt;

/** {@code pool add CIDR [--block-size N] [--strict-affinity] [--vxlan]}; the block size defaults per family. */
public record AddPoolCommand(IPAddress cidr, OptionalInt blockPrefixLength, boolean strictAffinity,
    Encapsulation encapsulation) {
  public AddPoolCommand {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(blockPrefixLength, "blockPrefixLength");
    Objects.requireNonNull(encapsulation, "encapsulation");
  }

  /** A pool whose addresses on other hosts are routed directly. */
  public AddPoolCommand(IPAddress cidr, OptionalInt blockPrefixLength, boolean strictAffinity) {
    this(cidr, blockPrefixLength, strictAffinity, Encapsulation.NONE);
  }
}
