package org.calicomesos.ports.kv;

import org.calicomesos.ports.CalicoMesosException;

/** The datastore failed in a way that is neither a lost compare nor an outage (e.g. it refused the request). */
public class DatastoreException extends CalicoMesosException {
  public DatastoreException(String message) {
    super(message);
  }

  public DatastoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
