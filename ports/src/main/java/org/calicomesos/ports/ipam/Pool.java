package org.calicomesos.ports.ipam;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;

/**
 * An IP pool, cut into blocks of {@code blockPrefixLength}. Under {@code strictAffinity} a host never
 * borrows addresses from another host's block. {@code encapsulation} says how its addresses on other hosts are
 * reached ({@link Encapsulation#VXLAN} for IPv4 pools only). With {@code natOutgoing}, its containers' traffic to
 * destinations outside every pool leaves with their host's address (Calico's {@code natOutgoing}).
 */
public record Pool(IPAddress cidr, int blockPrefixLength, boolean strictAffinity, Encapsulation encapsulation,
    boolean natOutgoing) {
  /** VXLAN adds 50 bytes to every packet (outer IPv4 20, UDP 8, VXLAN 8, inner Ethernet 14). */
  public static final int VXLAN_OVERHEAD = 50;

  public Pool {
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(encapsulation, "encapsulation");
    if (encapsulation == Encapsulation.VXLAN && !cidr.isIPv4()) {
      throw new InvalidRequestException("pool " + cidr.toCanonicalString()
          + " cannot use VXLAN: only IPv4 pools are encapsulated (IPv6 routes stay direct)");
    }
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

  /** A pool without NAT outgoing. */
  public Pool(IPAddress cidr, int blockPrefixLength, boolean strictAffinity, Encapsulation encapsulation) {
    this(cidr, blockPrefixLength, strictAffinity, encapsulation, false);
  }

  /** A pool whose addresses on other hosts are routed directly, without NAT outgoing. */
  public Pool(IPAddress cidr, int blockPrefixLength, boolean strictAffinity) {
    this(cidr, blockPrefixLength, strictAffinity, Encapsulation.NONE);
  }

  /** The same pool with another encapsulation. */
  public Pool withEncapsulation(Encapsulation next) {
    return new Pool(cidr, blockPrefixLength, strictAffinity, next, natOutgoing);
  }

  /** The same pool with NAT outgoing on or off. */
  public Pool withNatOutgoing(boolean next) {
    return new Pool(cidr, blockPrefixLength, strictAffinity, encapsulation, next);
  }

  public boolean encapsulated() {
    return encapsulation != Encapsulation.NONE;
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
