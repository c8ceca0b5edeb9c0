package org.calicomesos.app.plugin;

import org.calicomesos.ports.CalicoMesosException;

/** A command this build validates but cannot perform yet (isolate and cleanup, until the dataplane lands). */
final class CommandNotAvailableException extends CalicoMesosException {
  CommandNotAvailableException(String command) {
    super(command + " is not available yet in this version of calico-mesos");
  }
}
