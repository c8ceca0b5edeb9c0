package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;

/**
 * An IP pool, cut into blocks of {@code blockPrefixLength}. Under {@code strictAffinity} a host never
 * borrows addresses from another host's block.
 */
public record Pool(IPAddress cidr, int blockPrefixLength, boolean strictAffinity) {
  public Pool {
    Objects.requireNonNull(cidr, "cidr");
    if (!cidr.isPrefixBlock()) {
      throw new InvalidRequestException("pool " + cidr + " must be a CIDR with its host bits zero");
    }
    int bits = IpFamily.of(cidr).bits();
    int poolPrefix = cidr.getNetworkPrefixLength();
    // A block holds between 4 and 4096 addresses: small enough to CAS as one value, big enough to matter.
    int smallest = bits - 2;
    int largest = bits - 12;
    if (blockPrefixLength < Math.max(poolPrefix, largest) || blockPrefixLength > smallest) {
      throw new InvalidRequestException("block size /" + blockPrefixLength + " does not fit pool " + cidr.toCanonicalString()
          + ": it must be between /" + Math.max(poolPrefix, largest) + " and /" + smallest);
    }
  }

  public IpFamily family() {
    return IpFamily.of(cidr);
  }

  /** Addresses per block. */
  public int blockSize() {
    return 1 << (family().bits() - blockPrefixLength);
  }

  @Override
  public String toString() {
    return cidr.toCanonicalString();
  }
}
