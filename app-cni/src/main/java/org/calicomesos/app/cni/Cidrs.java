package org.calicomesos.app.cni;

import java.util.List;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.InvalidRequestException;

/** A pool's CIDR as a network configuration or a task label names it; a bad one is refused with code 7. */
final class Cidrs {
  private Cidrs() {}

  static IPAddress parse(String field, String text) {
    try {
      return Addresses.parseCidr(field, text.strip());
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
  }

  /** {@code 10.0.0.5/32}: an address with its prefix length, or the whole address's when it has none. */
  static String hostCidr(IPAddress address) {
    Integer prefix = address.getNetworkPrefixLength();
    return address.withoutPrefixLength().toCanonicalString() + "/" + (prefix == null ? address.getBitCount() : prefix);
  }

  /** {@code address} with the prefix length of the pool that holds it ({@code /32} if none does). */
  static String inPool(IPAddress address, List<IPAddress> pools) {
    IPAddress single = address.withoutPrefixLength();
    for (IPAddress pool : pools) {
      if (pool.getIPVersion() == single.getIPVersion() && pool.contains(single)) {
        return single.toCanonicalString() + "/" + pool.getNetworkPrefixLength();
      }
    }
    return single.toCanonicalString() + "/" + single.getBitCount();
  }
}
