package org.calicomesos.app.config;

import org.calicomesos.ports.CalicoMesosException;

/** An environment variable holds a value this build cannot use; the message names the variable. */
public final class InvalidConfigurationException extends CalicoMesosException {
  public InvalidConfigurationException(String message) {
    super(message);
  }
}
