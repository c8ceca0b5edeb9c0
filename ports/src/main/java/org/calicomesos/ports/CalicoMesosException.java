package org.calicomesos.ports;

/**
 * Base of every failure an operator may be shown. Its message is one sentence built from the values
 * involved; the protocol layer prints it as the response's {@code error}, so it never carries secrets.
 */
public abstract class CalicoMesosException extends RuntimeException {
  protected CalicoMesosException(String message) {
    super(message);
  }

  protected CalicoMesosException(String message, Throwable cause) {
    super(message, cause);
  }
}
