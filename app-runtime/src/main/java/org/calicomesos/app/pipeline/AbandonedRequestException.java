package org.calicomesos.app.pipeline;

import org.calicomesos.ports.CalicoMesosException;

/** A command that did not run because its deadline had answered for it while it waited its turn at the gate. */
final class AbandonedRequestException extends CalicoMesosException {
  AbandonedRequestException(String command) {
    super(command + " did not run: its deadline answered while it waited its turn");
  }
}
