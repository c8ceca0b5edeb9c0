package org.calicomesos.core.routing;

import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.ipam.Pool;
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
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Keeps the model in step with the datastore and this host's routes to other hosts in step with the model:
 * adds the missing, removes ours that are not wanted (a withdrawn block, a moved one's old gateway). Every
 * convergence reads the kernel first, so a route someone deleted is put back, by the next change or by
 * {@link #repair}. One route the kernel refuses (its gateway on no attached link, say) is logged and the others
 * are still made; it is tried again at the next convergence.
 *
 * <p>While any pool is VXLAN it also keeps this host's VXLAN device and a peer entry per host an encapsulated
 * route goes to: the device and peers are made before the routes through them, and removed after them.
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
  private final VxlanTunnel tunnel;
  private final int linkMtu;
  private final RouteModel model;
  private final BgpHandover bgp;
  private final Set<NodeName> loggedUnroutable = new HashSet<>();
  private RoutePlan wanted = RoutePlan.NONE;
  private RouteMode modeLogged = RouteMode.DIRECT;
  private List<Pool> vxlanPoolsWarnedOf = List.of();
  private boolean changed;

  /** @param linkMtu the MTU of this host's links ({@code CALICO_MTU}), of which VXLAN takes its headers */
  public RouteSync(KeyValueStore store, DatastoreKeys keys, NodeName self, RouteTable kernel, VxlanTunnel tunnel,
      int linkMtu, BgpSpeaker speaker) {
    this.store = store;
    this.keys = keys;
    this.self = self;
    this.kernel = kernel;
    this.tunnel = tunnel;
    this.linkMtu = linkMtu;
    this.model = new RouteModel(keys, self);
    this.bgp = new BgpHandover(speaker, self);
  }

  @Override
  public List<String> watchedPrefixes() {
    return List.of(keys.hostRoot(), keys.affinityRoot(), keys.configRoot(), keys.poolRoot());
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
    wanted = RouteCompiler.compile(model, self, linkMtu, loggedUnroutable);
    if (modeChanged() && model.mode() == RouteMode.DIRECT) {
      bgp.withdraw(); // first: BIRD's kernel routes to other hosts' blocks would refuse the direct ones
    }
    if (model.mode() == RouteMode.BGP) {
      bgp.follow(model, false);
    }
    warnOfVxlanPoolsInBgpMode();
    return converge();
  }

  /** Once per change of the set: BIRD announces a VXLAN pool's blocks like any other, unwrapped. */
  private void warnOfVxlanPoolsInBgpMode() {
    List<Pool> unwrapped = model.mode() == RouteMode.BGP
        ? model.pools().stream().filter(Pool::encapsulated).toList() : List.of();
    if (!unwrapped.isEmpty() && !unwrapped.equals(vxlanPoolsWarnedOf)) {
      LOG.log(Level.WARNING, "pools {0} are VXLAN, but in route mode bgp BIRD routes their blocks without "
          + "encapsulation; 'calico-mesos route-mode vxlan' to wrap them, or make them plain", unwrapped);
    }
    vxlanPoolsWarnedOf = unwrapped;
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

  /**
   * Makes the kernel's routes of ours (and the VXLAN device and peers) equal to {@link #wanted}; returns whether
   * anything was changed.
   */
  private boolean converge() {
    Changes changes = new Changes();
    Optional<VxlanDevice> device = wanted.device();
    Optional<VxlanDevice> presentDevice = tunnel.device();
    if (device.isPresent() && !device.equals(presentDevice)) {
      changes.make(() -> tunnel.ensure(device.get()), "set up", device.get());
    }
    List<VxlanPeer> presentPeers = device.isPresent() || presentDevice.isPresent() ? tunnel.peers() : List.of();
    for (VxlanPeer peer : wanted.peers()) {
      if (!presentPeers.contains(peer)) {
        changes.make(() -> tunnel.addPeer(peer), "add VXLAN peer", peer);
      }
    }
    Set<HostRoute> missing = new LinkedHashSet<>(wanted.routes());
    for (HostRoute route : kernel.hostRoutes()) { // a refusal here throws: nothing is known, nothing is changed
      if (!missing.remove(route)) {
        changes.make(() -> kernel.remove(route), "remove route", route);
      }
    }
    for (HostRoute route : missing) {
      changes.make(() -> kernel.add(route), "add route", route);
    }
    for (VxlanPeer peer : presentPeers) {
      if (!wanted.peers().contains(peer)) {
        changes.make(() -> tunnel.removePeer(peer), "remove VXLAN peer", peer);
      }
    }
    if (device.isEmpty() && presentDevice.isPresent()) {
      changes.make(tunnel::remove, "remove", VxlanTunnel.DEVICE);
    }
    if (changes.made > 0) {
      LOG.log(Level.INFO, "routes to other hosts: {0} wanted, {1} changes to routes, VXLAN device and peers, "
          + "{2} refused", wanted.routes().size(), changes.made, changes.refused);
    }
    return changes.made > changes.refused;
  }

  /** The changes one convergence makes; a refused one is logged, and tried again at the next convergence. */
  private static final class Changes {
    int made;
    int refused;

    void make(Runnable change, String what, Object subject) {
      made++;
      try {
        change.run();
      } catch (DataplaneException e) {
        refused++;
        LOG.log(Level.WARNING, "failed to {0} {1}: {2}; trying again at the next change or repair", what, subject,
            e.getMessage());
      }
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
