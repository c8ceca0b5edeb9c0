package org.calicomesos.app.wiring;

import org.calicomesos.app.config.DatastoreChoice;
import org.calicomesos.ports.CalicoMesosException;

/** The configuration chose a datastore whose adapter this build does not have yet (etcd, Consul). */
final class UnsupportedDatastoreException extends CalicoMesosException {
  UnsupportedDatastoreException(DatastoreChoice choice) {
    super(choice.kind().setting() + " is not supported by this build yet (" + choice.reason()
        + "); set CALICO_DATASTORE=sqlite for the embedded single-host store");
  }
}
