package org.calicomesos.core.routing;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointRecords;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.node.registration.RegistrationCodec;
import org.calicomesos.ports.routing.bgp.BgpSettings;
import org.calicomesos.core.routing.bgp.BgpSettingsCodec;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.ports.schema.DatastoreKeys.AffinityKey;
import org.calicomesos.ports.schema.DatastoreKeys.EndpointKey;

/**
 * The agent's copy of what routes depend on, kept by key: every host's registration, every confirmed block claim,
 * every endpoint's addresses, every pool (for its encapsulation), the route mode and the cluster's BGP settings. A record that cannot be read counts as absent (logged): an
 * unreadable registration or claim means no route, never a wrong one. {@link #put} and {@link #remove} say
 * whether the routes could have changed, so a heartbeat alone recomputes nothing.
 */
final class RouteModel {
  private static final System.Logger LOG = System.getLogger(RouteModel.class.getName());

  private final DatastoreKeys keys;
  private final NodeName self;
  private final Map<NodeName, HostRegistration> registrations = new TreeMap<>(java.util.Comparator.comparing(NodeName::value));
  private final Map<String, AffinityKey> confirmedClaims = new TreeMap<>();
  private final Map<String, HostedAddresses> endpoints = new TreeMap<>();
  private final Map<String, Pool> pools = new TreeMap<>();
  private RouteMode mode = RouteMode.DIRECT;
  private BgpSettings bgp = BgpSettings.DEFAULT;

  /** @param self this host: its own endpoints never need a route to another host, so they are not kept */
  RouteModel(DatastoreKeys keys, NodeName self) {
    this.keys = keys;
    this.self = self;
  }

  /** The addresses of one endpoint record, and the host it is on. */
  record HostedAddresses(NodeName node, List<IPAddress> addresses) {}

  void clear() {
    registrations.clear();
    confirmedClaims.clear();
    endpoints.clear();
    pools.clear();
    mode = RouteMode.DIRECT;
    bgp = BgpSettings.DEFAULT;
  }

  /** Takes in a record under a watched prefix; returns whether routes may have changed. */
  boolean put(Entry entry) {
    Optional<NodeName> registered = keys.parseRegistration(entry.key());
    if (registered.isPresent()) {
      return putRegistration(entry, registered.get());
    }
    Optional<AffinityKey> claim = keys.parseAffinity(entry.key());
    if (claim.isPresent()) {
      return putClaim(entry, claim.get());
    }
    Optional<EndpointKey> endpoint = keys.parseEndpoint(entry.key());
    if (endpoint.isPresent() && endpoint.get().node().equals(self)) {
      return false; // every isolate and cleanup here would otherwise re-read the kernel for nothing
    }
    if (endpoint.isPresent()) {
      Optional<HostedAddresses> addresses = EndpointRecords.read(entry)
          .map(read -> new HostedAddresses(endpoint.get().node(), read.addresses()));
      return !Objects.equals(addresses.isPresent() ? endpoints.put(entry.key(), addresses.get())
          : endpoints.remove(entry.key()), addresses.orElse(null));
    }
    if (keys.isPoolKey(entry.key())) {
      Optional<Pool> pool = readPool(entry);
      return !Objects.equals(pool.isPresent() ? pools.put(entry.key(), pool.get()) : pools.remove(entry.key()),
          pool.orElse(null));
    }
    if (entry.key().equals(keys.routeMode())) {
      return setMode(readMode(entry));
    }
    if (entry.key().equals(keys.bgpConfig())) {
      return setBgp(readBgp(entry));
    }
    return false;
  }

  /** Forgets the record at {@code key}; returns whether routes may have changed. */
  boolean remove(String key) {
    Optional<NodeName> registered = keys.parseRegistration(key);
    if (registered.isPresent()) {
      return registrations.remove(registered.get()) != null;
    }
    if (keys.parseAffinity(key).isPresent()) {
      return confirmedClaims.remove(key) != null;
    }
    if (keys.parseEndpoint(key).isPresent()) {
      return endpoints.remove(key) != null;
    }
    if (keys.isPoolKey(key)) {
      return pools.remove(key) != null;
    }
    if (key.equals(keys.bgpConfig())) {
      return setBgp(BgpSettings.DEFAULT);
    }
    return key.equals(keys.routeMode()) && setMode(RouteMode.DIRECT);
  }

  RouteMode mode() {
    return mode;
  }

  /** The cluster's BGP settings (the defaults while {@code /v1/config/bgp} is absent or unreadable). */
  BgpSettings bgpSettings() {
    return bgp;
  }

  /** Every readable registration, by node name. */
  List<HostRegistration> registrations() {
    return new ArrayList<>(registrations.values());
  }

  Optional<HostRegistration> registration(NodeName node) {
    return Optional.ofNullable(registrations.get(node));
  }

  /** Every confirmed claim, in key order. */
  List<AffinityKey> confirmedClaims() {
    return new ArrayList<>(confirmedClaims.values());
  }

  /** Every endpoint's addresses, in key order. */
  List<HostedAddresses> endpoints() {
    return new ArrayList<>(endpoints.values());
  }

  /** Every readable pool, in key order. */
  List<Pool> pools() {
    return new ArrayList<>(pools.values());
  }

  /** The encapsulation of the pool that holds {@code address}; none outside every pool. */
  Encapsulation encapsulationOf(IPAddress address) {
    for (Pool pool : pools.values()) {
      if (pool.cidr().contains(address)) {
        return pool.encapsulation();
      }
    }
    return Encapsulation.NONE;
  }

  private Optional<Pool> readPool(Entry entry) {
    try {
      return Optional.of(AddressLookup.pool(entry));
    } catch (CalicoMesosException e) {
      // Without its pool a block is routed directly: the routes of an encapsulated pool may then fail, never leak.
      LOG.log(Level.WARNING, "ignoring pool record {0}: {1}", entry.key(), e.getMessage());
      return Optional.empty();
    }
  }

  private boolean putRegistration(Entry entry, NodeName node) {
    HostRegistration registration;
    try {
      registration = RegistrationCodec.REGISTRATION.decode(entry);
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "ignoring registration {0}, no routes to host {1}: {2}", entry.key(), node, e.getMessage());
      return registrations.remove(node) != null;
    }
    if (!registration.node().equals(node)) {
      LOG.log(Level.WARNING, "ignoring registration {0}: it names host {1}", entry.key(), registration.node());
      return registrations.remove(node) != null;
    }
    HostRegistration before = registrations.put(node, registration);
    return before == null || !before.ipv4().equals(registration.ipv4()) || !before.ipv6().equals(registration.ipv6());
  }

  private boolean putClaim(Entry entry, AffinityKey claim) {
    boolean confirmed;
    try {
      confirmed = AddressLookup.confirmedClaim(entry);
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "ignoring block claim {0}: {1}", entry.key(), e.getMessage());
      confirmed = false;
    }
    return confirmed ? confirmedClaims.put(entry.key(), claim) == null : confirmedClaims.remove(entry.key()) != null;
  }

  private RouteMode readMode(Entry entry) {
    try {
      return RouteModeCodec.ROUTE_MODE.decode(entry);
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "route mode record {0} is unreadable, routing in direct mode: {1}", entry.key(),
          e.getMessage());
      return RouteMode.DIRECT;
    }
  }

  private BgpSettings readBgp(Entry entry) {
    try {
      return BgpSettingsCodec.CODEC.decode(entry);
    } catch (CalicoMesosException e) {
      LOG.log(Level.WARNING, "BGP settings {0} are unreadable, using the defaults (AS {1}, full mesh, no explicit "
          + "peers): {2}", entry.key(), BgpSettings.DEFAULT.asNumber(), e.getMessage());
      return BgpSettings.DEFAULT;
    }
  }

  private boolean setBgp(BgpSettings next) {
    boolean changed = !next.equals(bgp);
    bgp = next;
    return changed;
  }

  private boolean setMode(RouteMode next) {
    boolean changed = next != mode;
    mode = next;
    return changed;
  }
}
