package org.calicomesos.app.admin;

import org.calicomesos.ports.policy.selector.InvalidSelectorException;
import org.calicomesos.ports.policy.selector.Selector;

/** Whether ports has the real selector parser yet: the placeholder it stands in for accepts every text. */
final class RealSelectorParser {
  private RealSelectorParser() {}

  static boolean isPresent() {
    try {
      Selector.parse("app == web");
      return false;
    } catch (InvalidSelectorException e) {
      return true;
    }
  }
}
