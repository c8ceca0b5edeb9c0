package org.calicomesos.app.cni;

import org.calicomesos.ports.CalicoMesosException;

/** A CNI request refused before anything ran, with the error code its answer carries; nothing was changed. */
final class CniRequestException extends CalicoMesosException {
  private final CniErrorCode code;

  CniRequestException(CniErrorCode code, String sentence) {
    super(sentence);
    this.code = code;
  }

  CniRequestException(CniErrorCode code, CalicoMesosException cause) {
    super(cause.getMessage(), cause);
    this.code = code;
  }

  CniErrorCode code() {
    return code;
  }
}
