package org.calicomesos.ports.attachment;

import org.calicomesos.ports.CalicoMesosException;

/** An attachment is not as its {@code ADD} left it; the message says what differs. */
public final class AttachmentCheckException extends CalicoMesosException {
  public AttachmentCheckException(AttachmentId id, String difference) {
    super("attachment " + id + " " + difference);
  }
}
