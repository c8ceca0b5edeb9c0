package org.calicomesos.app.plugin;

import jakarta.inject.Inject;

/** {@code cleanup}: validates its arguments, then answers that it is not available yet (no datastore access). */
final class CleanupHandler implements CommandHandler {
  @Inject
  CleanupHandler() {}

  @Override
  public Reply handle(RequestArgs args) {
    args.hostname();
    args.containerId();
    throw new CommandNotAvailableException("cleanup");
  }
}
