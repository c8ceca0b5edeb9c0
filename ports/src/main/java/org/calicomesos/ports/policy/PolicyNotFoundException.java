package org.calicomesos.ports.policy;

import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.PolicyName;

/** The named policy has no record. */
public final class PolicyNotFoundException extends CalicoMesosException {
  public PolicyNotFoundException(PolicyName name) {
    super("there is no policy " + name);
  }
}
