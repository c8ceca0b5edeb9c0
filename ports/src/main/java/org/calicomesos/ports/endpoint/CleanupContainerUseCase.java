package org.calicomesos.ports.endpoint;

import org.calicomesos.ports.model.ContainerId;

/**
 * net-modules {@code cleanup}: removes the container's plumbing and endpoint, and frees only the addresses that
 * still carry its handle. Idempotent; an unknown container is a success.
 */
public interface CleanupContainerUseCase {
  CleanupResult cleanup(ContainerId container);
}
