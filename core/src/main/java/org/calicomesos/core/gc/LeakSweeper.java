package org.calicomesos.core.gc;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import inet.ipaddr.IPAddress;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.ipam.HandleAudit;
import org.calicomesos.core.ipam.HandleCensus;
import org.calicomesos.core.ipam.HandleHoldings;
import org.calicomesos.core.portmap.PortClaims;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.endpoint.CleanupContainerUseCase;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;

/**
 * Frees one candidate, after reading it again: what came back to life meanwhile is left alone. Each free goes
 * through the request that would have freed it (cleanup, DEL, release by uid), so it is a compare-and-swap on the
 * same handle: an address given to someone else since is never freed. A port claim is deleted at the revision judged.
 */
final class LeakSweeper {
  private final LeakFinder finder;
  private final Dataplane dataplane;
  private final HandleAudit audit;
  private final CleanupContainerUseCase cleanup;
  private final DetachContainerUseCase detach;
  private final ReleaseAddressesUseCase release;
  private final PortClaims claims;

  LeakSweeper(LeakFinder finder, Dataplane dataplane, HandleAudit audit, CleanupContainerUseCase cleanup,
      DetachContainerUseCase detach, ReleaseAddressesUseCase release, PortClaims claims) {
    this.finder = finder;
    this.dataplane = dataplane;
    this.audit = audit;
    this.cleanup = cleanup;
    this.detach = detach;
    this.release = release;
    this.claims = claims;
  }

  Sweep sweep(Suspect suspect) {
    if (suspect instanceof Suspect.DeadEndpoint dead) {
      return endpoint(dead.endpoint());
    } else if (suspect instanceof Suspect.OrphanInterface orphan) {
      return orphanInterface(orphan.name());
    } else if (suspect instanceof Suspect.PendingAllocation pending) {
      return allocation(pending.holdings());
    } else if (suspect instanceof Suspect.StalePortClaim claim) {
      return portClaim(claim);
    }
    return handleCount(((Suspect.StaleHandleCount) suspect).holdings());
  }

  /** Deleted at the revision judged, and only while still no record holds it: a claim made again is left alone. */
  private Sweep portClaim(Suspect.StalePortClaim judged) {
    if (LeakFinder.stale(judged.port(), judged.claim(), finder.records()).isEmpty()) {
      return Sweep.SETTLED;
    }
    return claims.releaseJudged(judged.claim()) ? Sweep.freed(List.of()) : Sweep.SETTLED;
  }

  private Sweep endpoint(Endpoint endpoint) {
    if (dataplane.inspect(new InterfaceName(endpoint.interfaceName())).isPresent()
        || finder.records().endpoint(endpoint).isEmpty()) {
      return Sweep.SETTLED;
    }
    List<IPAddress> freed = endpoint.attachment().isPresent()
        ? detach.detach(endpoint.attachment().get()).released()
        : cleanup.cleanup(endpoint.container()).released();
    return Sweep.freed(freed);
  }

  private Sweep orphanInterface(InterfaceName name) {
    if (finder.records().interfaces().contains(name.value())) {
      return Sweep.SETTLED;
    }
    return dataplane.unplumb(name) ? Sweep.freed(List.of()) : Sweep.SETTLED;
  }

  private Sweep allocation(HandleHoldings judged) {
    Optional<HandleHoldings> now = finder.census().of(judged.handle());
    if (now.isEmpty() || !finder.pending(now.get(), finder.records())) {
      return Sweep.SETTLED;
    }
    return Sweep.freed(release.release(new ReleaseCommand.ByHandle(judged.handle())).released());
  }

  private Sweep handleCount(HandleHoldings judged) {
    HandleCensus census = finder.census();
    Optional<HandleHoldings> now = census.of(judged.handle());
    if (now.isEmpty() || !now.get().record().equals(judged.record())) {
      return Sweep.SETTLED; // written since it was judged: the next collection judges it afresh
    }
    Optional<Suspect> still = LeakFinder.stale(now.get(), census);
    if (still.isEmpty()) {
      return Sweep.SETTLED;
    }
    Set<IPAddress> blocks = ((Suspect.StaleHandleCount) still.get()).blocks();
    return audit.correctCounts(now.get(), blocks) ? Sweep.freed(List.of()) : Sweep.SETTLED;
  }
}
