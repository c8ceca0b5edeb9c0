package org.calicomesos.ports.policy;

import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.model.ProfileName;

/** The datastore holds neither a rules nor a tags record for this profile. */
public final class ProfileNotFoundException extends CalicoMesosException {
  public ProfileNotFoundException(ProfileName name) {
    super("there is no profile " + name);
  }
}
