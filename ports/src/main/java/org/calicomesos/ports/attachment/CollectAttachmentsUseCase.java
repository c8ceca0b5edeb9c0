package org.calicomesos.ports.attachment;

import java.util.List;
import java.util.Set;
import org.calicomesos.ports.model.NetworkName;

/**
 * CNI {@code GC}: detaches every attachment of {@code network} on this node that {@code valid} does not name,
 * each as a {@code DEL} would (addresses freed only while their handle still holds them).
 *
 * @return the attachments detached
 */
public interface CollectAttachmentsUseCase {
  List<AttachmentId> collect(NetworkName network, Set<AttachmentId> valid);
}
