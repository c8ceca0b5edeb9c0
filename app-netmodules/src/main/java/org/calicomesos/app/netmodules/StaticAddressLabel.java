package org.calicomesos.app.netmodules;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * The name the composition root's encoding tests still use for
 * {@link org.calicomesos.app.mesos.StaticAddressLabel}; delete once those tests name that class.
 */
final class StaticAddressLabel {
  private StaticAddressLabel() {}

  static List<IPAddress> parse(String value) {
    return org.calicomesos.app.mesos.StaticAddressLabel.parse(value);
  }
}
