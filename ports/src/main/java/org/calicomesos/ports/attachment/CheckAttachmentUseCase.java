package org.calicomesos.ports.attachment;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.dataplane.NetworkNamespace;

/**
 * CNI {@code CHECK}: the attachment is as {@code ADD} left it: its endpoint record, its addresses still held by its
 * handle, the host end up with a route to each address, and (when given) exactly the {@code expected} addresses
 * of the runtime's previous result.
 *
 * @throws AttachmentCheckException naming the first thing that differs
 */
public interface CheckAttachmentUseCase {
  void check(AttachmentId id, NetworkNamespace namespace, List<IPAddress> expected);
}
