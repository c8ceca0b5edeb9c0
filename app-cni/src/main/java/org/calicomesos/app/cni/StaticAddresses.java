package org.calicomesos.app.cni;

import inet.ipaddr.IPAddress;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.model.InvalidRequestException;

/** A static address a runtime names: a plain address, or a CIDR whose prefix is dropped (the {@code ips} capability). */
final class StaticAddresses {
  private StaticAddresses() {}

  /** @throws CniRequestException code 7, naming {@code field} */
  static IPAddress parse(String field, String text) {
    try {
      int slash = text.indexOf('/');
      IPAddress address = Addresses.parseAnyAddress(field, slash < 0 ? text : text.substring(0, slash));
      if (slash >= 0 && !isPrefixLength(text.substring(slash + 1), address.getBitCount())) {
        throw new InvalidRequestException(field + " '" + Excerpt.of(text) + "' has an invalid prefix length");
      }
      return address;
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_NETWORK_CONFIG, e);
    }
  }

  private static boolean isPrefixLength(String text, int bits) {
    return text.matches("[0-9]{1,3}") && Integer.parseInt(text) <= bits;
  }
}
