package org.calicomesos.core.routing;

import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.SyncRoutesUseCase;
import org.calicomesos.ports.routing.bgp.BgpSpeaker;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Keeps the model in step with the datastore and this host's routes to other hosts in step with the model:
 * adds the missing, removes ours that are not wanted (a withdrawn block, a moved one's old gateway). Every
 * convergence reads the kernel first, so a route someone deleted is put back, by the next change or by
 * {@link #repair}. One route the kernel refuses (its gateway on no attached link, say) is logged and the others
 * are still made; it is tried again at the next convergence.
 *
 * <p>In BGP mode it wants no routes of its own (so it withdraws its direct ones) and hands BIRD this host's BGP
 * plan instead ({@link BgpHandover}); BIRD is configured before the kernel is read, so a kernel that refuses to
 * be listed does not keep BIRD waiting.
 */
public final class RouteSync implements SyncRoutesUseCase {
  private static final System.Logger LOG = System.getLogger(RouteSync.class.getName());

  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final NodeName self;
  private final RouteTable kernel;
  private final RouteModel model;
  private final BgpHandover bgp;
  private final Set<NodeName> loggedUnroutable = new HashSet<>();
  private List<HostRoute> wanted = List.of();
  private RouteMode modeLogged = RouteMode.DIRECT;
  private boolean changed;

  public RouteSync(KeyValueStore store, DatastoreKeys keys, NodeName self, RouteTable kernel, BgpSpeaker speaker) {
    this.store = store;
    this.keys = keys;
    this.self = self;
    this.kernel = kernel;
    this.model = new RouteModel(keys);
    this.bgp = new BgpHandover(speaker, self);
  }

  @Override
  public List<String> watchedPrefixes() {
    return List.of(keys.hostRoot(), keys.affinityRoot(), keys.configRoot());
  }

  @Override
  public long resync() {
    long revision = Long.MAX_VALUE;
    List<Listing> listings = watchedPrefixes().stream().map(store::list).toList(); // all read before any is taken in
    model.clear();
    for (Listing listing : listings) {
      listing.entries().forEach(model::put);
      revision = Math.min(revision, listing.revision());
    }
    changed = true;
    enforcePending();
    return revision;
  }

  @Override
  public void absorb(List<WatchEvent> events) {
    for (WatchEvent event : events) {
      changed |= event.type() == WatchEvent.Type.PUT
          ? model.put(new Entry(event.key(), event.value().orElseThrow(), event.revision()))
          : model.remove(event.key());
    }
  }

  @Override
  public boolean enforcePending() {
    if (!changed) {
      return false;
    }
    changed = false;
    wanted = RouteCompiler.compile(model, self, loggedUnroutable);
    if (modeChanged() && model.mode() == RouteMode.DIRECT) {
      bgp.withdraw(); // first: BIRD's kernel routes to other hosts' blocks would refuse the direct ones
    }
    if (model.mode() == RouteMode.BGP) {
      bgp.follow(model, false);
    }
    return converge();
  }

  @Override
  public void repair() {
    if (model.mode() == RouteMode.BGP) {
      bgp.follow(model, true);
    }
    converge();
  }

  @Override
  public RouteMode mode() {
    return model.mode();
  }

  /** Makes the kernel's routes of ours equal to {@link #wanted}; returns whether anything was changed. */
  private boolean converge() {
    Set<HostRoute> missing = new LinkedHashSet<>(wanted);
    List<HostRoute> present = kernel.hostRoutes(); // a refusal here throws: nothing is known, nothing is changed
    int added = 0;
    int removed = 0;
    int failed = 0;
    for (HostRoute route : present) {
      if (!missing.remove(route)) {
        failed += attempt(() -> kernel.remove(route), "remove", route);
        removed++;
      }
    }
    for (HostRoute route : missing) {
      failed += attempt(() -> kernel.add(route), "add", route);
      added++;
    }
    if (added + removed > 0) {
      LOG.log(Level.INFO, "routes to other hosts: {0} wanted, {1} added, {2} removed, {3} refused", wanted.size(),
          added, removed, failed);
    }
    return added + removed > failed;
  }

  private static int attempt(Runnable change, String verb, HostRoute route) {
    try {
      change.run();
      return 0;
    } catch (DataplaneException e) {
      LOG.log(Level.WARNING, "failed to {0} route {1}: {2}; trying again at the next change or repair", verb, route,
          e.getMessage());
      return 1;
    }
  }

  /** Notes and logs a change of route mode; returns whether there was one. */
  private boolean modeChanged() {
    if (model.mode() == modeLogged) {
      return false;
    }
    modeLogged = model.mode();
    LOG.log(Level.INFO, modeLogged == RouteMode.BGP
        ? "route mode bgp: this agent withdraws its direct routes and has BIRD announce this host's blocks"
        : "route mode {0}: this agent programs routes to other hosts' blocks", modeLogged.setting());
    return true;
  }
}
