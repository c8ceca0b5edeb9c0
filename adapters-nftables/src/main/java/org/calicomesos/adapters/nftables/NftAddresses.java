package org.calicomesos.adapters.nftables;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Addresses as nft values: canonical text of exactly the addresses an {@link IPAddress} stands for. */
final class NftAddresses {
  private NftAddresses() {}

  /**
   * {@code 198.18.0.1}, {@code 10.0.0.0/8}: one value per prefix block the address covers (one, unless it is a
   * range), full-length blocks written as plain addresses. A zone is not an address and is left out.
   */
  static List<String> values(IPAddress address) {
    IPAddress plain = withoutZone(address);
    List<String> values = new ArrayList<>();
    for (IPAddress block : plain.isSinglePrefixBlock() ? new IPAddress[] {plain} : plain.spanWithPrefixBlocks()) {
      values.add(block.getNetworkPrefixLength() == null || block.getNetworkPrefixLength() == block.getBitCount()
          ? block.withoutPrefixLength().toCanonicalString()
          : block.toCanonicalString());
    }
    return values;
  }

  /**
   * The prefix blocks of {@code nets} (one family) merged into the fewest that cover exactly the same addresses, as
   * values, in address order: what an interval set without auto-merge takes whatever the nets overlap, with elements
   * that are the same for the same addresses, so that an update can add and delete them one by one.
   */
  static List<String> mergedBlocks(List<IPAddress> nets) {
    if (nets.isEmpty()) {
      return List.of();
    }
    IPAddress[] blocks = nets.stream().map(net -> withoutZone(net).toPrefixBlock()).toArray(IPAddress[]::new);
    List<String> values = new ArrayList<>();
    for (IPAddress block : blocks[0].mergeToPrefixBlocks(blocks)) {
      values.addAll(values(block));
    }
    return values;
  }

  /** {@code 198.18.0.1}: the address, when it stands for exactly one (an endpoint's wider net does not). */
  static Optional<String> single(IPAddress address) {
    IPAddress plain = withoutZone(address);
    return plain.isMultiple() ? Optional.empty() : Optional.of(plain.withoutPrefixLength().toCanonicalString());
  }

  private static IPAddress withoutZone(IPAddress address) {
    return address instanceof IPv6Address v6 && v6.hasZone() ? v6.removeZone() : address;
  }

  /** One value, or an anonymous set {@code { a, b }} of several (duplicates dropped, order kept). */
  static String expression(Collection<IPAddress> addresses) {
    Set<String> values = new LinkedHashSet<>();
    addresses.forEach(address -> values.addAll(values(address)));
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an nft expression needs at least one address");
    }
    return values.size() == 1 ? values.iterator().next() : "{ " + String.join(", ", values) + " }";
  }
}
