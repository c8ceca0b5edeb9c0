package org.calicomesos.ports.model;

import org.calicomesos.ports.CalicoMesosException;

/** A request value failed validation; nothing was changed. The message names the field and the rule. */
public final class InvalidRequestException extends CalicoMesosException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
