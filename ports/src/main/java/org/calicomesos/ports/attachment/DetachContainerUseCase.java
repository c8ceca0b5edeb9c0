package org.calicomesos.ports.attachment;

/**
 * CNI {@code DEL}: the host interface, every address the attachment's handle still holds, the endpoint record
 * last. Needs no namespace (it may be gone). Idempotent: an unknown attachment is a success.
 */
public interface DetachContainerUseCase {
  DetachResult detach(AttachmentId id);
}
