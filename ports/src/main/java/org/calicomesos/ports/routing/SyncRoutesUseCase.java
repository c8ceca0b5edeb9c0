package org.calicomesos.ports.routing;

import org.calicomesos.ports.sync.SyncUseCase;

/**
 * The agent's route work: keep a model of host registrations, block affinities, endpoints and the
 * route mode, and keep this host's {@link RouteTable} equal to the routes it asks for.
 */
public interface SyncRoutesUseCase extends SyncUseCase {
  /**
   * Compares the kernel with the wanted routes even though the model did not change, restoring a route someone
   * deleted and removing one of ours that is not wanted; a route the kernel refuses is logged, not thrown.
   */
  void repair();

  /** The route mode the model holds (direct until the datastore says otherwise). */
  RouteMode mode();
}
