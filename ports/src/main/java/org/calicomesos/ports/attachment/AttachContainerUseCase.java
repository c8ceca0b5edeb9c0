package org.calicomesos.ports.attachment;

/**
 * CNI {@code ADD}. Idempotent: an attachment that is already complete is returned as it is; one that a crash cut
 * short is finished. A failure after the addresses were taken gives them back, so a refused ADD holds nothing.
 */
public interface AttachContainerUseCase {
  Attachment attach(AttachCommand command);
}
