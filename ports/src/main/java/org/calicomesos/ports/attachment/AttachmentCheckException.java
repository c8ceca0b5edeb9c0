package org.calicomesos.ports.attachment;

import org.calicomesos.ports.CalicoMesosException;

/**
 * An attachment is not as its {@code ADD} left it; the message says what differs, as one clause: "attachment
 * net/c1/eth0 is not as ADD left it: host interface cali0123456789a is missing".
 */
public final class AttachmentCheckException extends CalicoMesosException {
  public AttachmentCheckException(AttachmentId id, String difference) {
    super("attachment " + id + " is not as ADD left it: " + difference);
  }
}
