package org.calicomesos.app.cni;

import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.attachment.AttachmentId;

/** What a CNI request's log line names: its command, and the container and handle of its attachment. */
final class CniRequestIdentity {
  private CniRequestIdentity() {}

  static void record(CniRequest request, RequestLog requestLog) {
    requestLog.command(request.command().name());
    AttachmentId id = null;
    if (request instanceof CniRequest.Add add) {
      id = add.id();
    } else if (request instanceof CniRequest.Del del) {
      id = del.id();
    } else if (request instanceof CniRequest.Check check) {
      id = check.id();
    }
    if (id != null) {
      requestLog.container(id.container().value());
      requestLog.uid(id.handle().value());
    }
  }
}
