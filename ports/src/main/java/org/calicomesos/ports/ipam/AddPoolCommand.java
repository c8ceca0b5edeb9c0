package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.OptionalInt;

/** {@code pool add CIDR [--block-size N] [--strict-affinity]}; the block size defaults per family. */
public record AddPoolCommand(IPAddress cidr, OptionalInt blockPrefixLength, boolean strictAffinity) {
  public AddPoolCommand {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(blockPrefixLength, "blockPrefixLength");
  }
}
