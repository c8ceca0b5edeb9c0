package org.calicomesos.core.gc;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Step;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.ipam.HandleAudit;
import org.calicomesos.core.portmap.PortClaims;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.endpoint.CleanupContainerUseCase;
import org.calicomesos.ports.gc.CollectCommand;
import org.calicomesos.ports.gc.CollectLeaksUseCase;
import org.calicomesos.ports.gc.CollectionReport;
import org.calicomesos.ports.gc.Leak;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * This host's garbage collector. Each collection marks what it finds dead (when first seen, kept in the datastore)
 * and frees what has been seen dead for the grace: so a candidate is freed on a later collection than the one that
 * first saw it, unless the grace is zero. Endpoints and interfaces first; then the handles, then the port claims,
 * each read again, so that what freeing an endpoint released is not judged twice.
 */
public final class LeakCollector implements CollectLeaksUseCase {
  private static final System.Logger LOG = System.getLogger(LeakCollector.class.getName());

  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final NodeName node;
  private final LeakFinder finder;
  private final LeakSweeper sweeper;
  private final Clock clock;

  @Inject
  public LeakCollector(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings,
      CleanupContainerUseCase cleanup, DetachContainerUseCase detach, ReleaseAddressesUseCase release, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.node = settings.node();
    this.finder = new LeakFinder(store, keys, dataplane, node);
    this.sweeper = new LeakSweeper(finder, dataplane, new HandleAudit(store, keys), cleanup, detach, release,
        new PortClaims(store, keys, node));
    this.clock = clock;
  }

  @Override
  public CollectionReport collect(CollectCommand command) {
    Instant now = clock.instant();
    LeakMarks marks = store.get(keys.leakMarks(node)).map(LeakMarksCodec.MARKS::decode).orElse(LeakMarks.NONE);
    Map<String, Instant> stillSeen = new LinkedHashMap<>();
    List<Leak> leaks = new ArrayList<>();
    for (Suspect suspect : finder.plumbing()) {
      leaks.add(judge(suspect, command, now, marks, stillSeen));
    }
    for (Suspect suspect : finder.handles()) {
      leaks.add(judge(suspect, command, now, marks, stillSeen));
    }
    for (Suspect suspect : finder.portClaims()) {
      leaks.add(judge(suspect, command, now, marks, stillSeen));
    }
    if (!command.dryRun()) {
      remember(stillSeen);
    }
    return new CollectionReport(node, now, command.grace(), command.dryRun(), leaks);
  }

  /** Frees the candidate if its grace is over; keeps its mark in {@code stillSeen} while it stays a candidate. */
  private Leak judge(Suspect suspect, CollectCommand command, Instant now, LeakMarks marks,
      Map<String, Instant> stillSeen) {
    Instant since = marks.since(suspect.key()).orElse(now);
    Sweep sweep;
    if (since.plus(command.grace()).isAfter(now)) {
      sweep = new Sweep(Leak.Outcome.WAITING, List.of());
    } else if (command.dryRun()) {
      sweep = new Sweep(Leak.Outcome.WOULD_FREE, List.of());
    } else {
      sweep = sweeper.sweep(suspect);
    }
    if (sweep.outcome() == Leak.Outcome.WAITING || sweep.outcome() == Leak.Outcome.WOULD_FREE) {
      stillSeen.put(suspect.key(), since);
    }
    Leak leak = new Leak(suspect.kind(), suspect.subject(), suspect.reason(), since, sweep.outcome(), sweep.freed());
    log(leak);
    return leak;
  }

  private void remember(Map<String, Instant> seen) {
    new CasLoop(store).update(keys.leakMarks(node), LeakMarksCodec.MARKS, current -> {
      if (seen.isEmpty()) {
        return current.isPresent() ? Step.remove(null) : Step.keep(null);
      }
      LeakMarks next = current.orElse(LeakMarks.NONE).after(seen);
      return current.filter(next::equals).isPresent() ? Step.keep(null) : Step.put(next, null);
    });
  }

  private static void log(Leak leak) {
    switch (leak.outcome()) {
      case FREED -> LOG.log(Level.INFO, "gc freed {0} {1}{2}: {3}", leak.kind().label(), leak.subject(),
          leak.freed().isEmpty() ? "" : ", releasing " + leak.freed(), leak.reason());
      case SETTLED -> LOG.log(Level.INFO, "gc left {0} {1} alone: it is no longer a leak", leak.kind().label(),
          leak.subject());
      default -> LOG.log(Level.DEBUG, "gc: {0} {1} {2} (seen dead since {3}): {4}", leak.kind().label(),
          leak.subject(), leak.outcome(), leak.since(), leak.reason());
    }
  }
}
