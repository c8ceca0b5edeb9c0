package org.calicomesos.app.agent;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import org.calicomesos.core.node.HostRegistrar;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.routing.SyncRoutesUseCase;

/**
 * The agent's route loop (docs/operations.md, "Routes to other hosts"): registers this host, then follows
 * registrations, block claims and endpoints and keeps the kernel's routes to other hosts in step. Every
 * {@code repairEvery} it also compares the kernel with what it wants (nothing in the datastore announces a route
 * deleted by hand) and rewrites the heartbeat when due.
 */
public final class RouteAgent {
  /** How soon a route someone deleted is back. */
  public static final Duration REPAIR_EVERY = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(RouteAgent.class.getName());

  private final HostRegistrar registrar;
  private final SyncRoutesUseCase sync;
  private final FollowingLoop loop;

  public RouteAgent(HostRegistrar registrar, SyncRoutesUseCase sync, KeyValueStore store, Duration repairEvery) {
    this.registrar = registrar;
    this.sync = sync;
    this.loop = new FollowingLoop("routes", sync, store, failure -> { },
        Optional.of(new FollowingLoop.Periodic(repairEvery, this::tick)));
  }

  /** Registers this host (a failure is logged: the next tick tries again), then runs the loop until {@link #stop}. */
  public void run() {
    heartbeat();
    loop.run();
  }

  public void stop(Duration grace) {
    loop.stop(grace);
  }

  private void tick() {
    try {
      sync.repair();
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "cannot compare the kernel''s routes with the wanted ones: {0}", e.getMessage());
    }
    heartbeat();
  }

  private void heartbeat() {
    try {
      registrar.heartbeatIfDue();
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "cannot write the registration of host {0}: {1}; trying again in {2} s",
          registrar.node(), e.getMessage(), REPAIR_EVERY.toSeconds());
    }
  }
}
