package org.calicomesos.app.admin.policy;

import org.calicomesos.ports.CalicoMesosException;

/** A policy file that cannot be applied: one sentence naming the file, the document if more than one, and the field. */
final class PolicyFileException extends CalicoMesosException {
  PolicyFileException(String message) {
    super(message);
  }
}
