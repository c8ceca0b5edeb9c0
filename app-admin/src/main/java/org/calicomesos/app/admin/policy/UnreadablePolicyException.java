package org.calicomesos.app.admin.policy;

import org.calicomesos.ports.CalicoMesosException;

/** {@code policy show} of a record that cannot be decoded: there is nothing to print back. */
final class UnreadablePolicyException extends CalicoMesosException {
  UnreadablePolicyException(String message) {
    super(message);
  }
}
