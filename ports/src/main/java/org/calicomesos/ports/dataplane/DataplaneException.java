package org.calicomesos.ports.dataplane;

import org.calicomesos.ports.CalicoMesosException;

/**
 * The kernel (or the {@code ip} command) refused a step. The message says which step on which object and
 * why, e.g. "cannot add route 198.18.0.4/32 via cali0123456789a: Network is unreachable".
 */
public class DataplaneException extends CalicoMesosException {
  public DataplaneException(String message) {
    super(message);
  }

  public DataplaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
