package org.calicomesos.app.netmodules;

import dagger.Lazy;
import jakarta.inject.Inject;
import org.calicomesos.ports.endpoint.CleanupContainerUseCase;

/** {@code cleanup}: removes the container's network; idempotent, and a success for an unknown container. */
final class CleanupHandler implements CommandHandler {
  private final Lazy<CleanupContainerUseCase> cleanup;

  @Inject
  CleanupHandler(Lazy<CleanupContainerUseCase> cleanup) {
    this.cleanup = cleanup;
  }

  @Override
  public Reply handle(RequestArgs args) {
    args.requireHostname();
    cleanup.get().cleanup(args.containerId());
    return Reply.DONE;
  }
}
