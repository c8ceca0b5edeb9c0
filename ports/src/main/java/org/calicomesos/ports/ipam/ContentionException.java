package org.calicomesos.ports.ipam;

import org.calicomesos.ports.CalicoMesosException;

/** Too many concurrent writers changed the same record; the request had no effect and may be retried. */
public final class ContentionException extends CalicoMesosException {
  public ContentionException(String key, int attempts) {
    super("gave up after " + attempts + " conflicting concurrent updates of " + key + "; try again");
  }
}
