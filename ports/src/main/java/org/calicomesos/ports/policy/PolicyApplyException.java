package org.calicomesos.ports.policy;

import org.calicomesos.ports.dataplane.DataplaneException;

/** The kernel refused a policy; the one in force before is still in force. */
public class PolicyApplyException extends DataplaneException {
  public PolicyApplyException(String message) {
    super(message);
  }

  public PolicyApplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
