package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.calicomesos.core.ipam.AddressHolding;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.portmap.PortClaims;
import org.calicomesos.core.profile.Profile;
import org.calicomesos.core.profile.ProfileWriter;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.endpoint.AddressNotAllocatedException;
import org.calicomesos.ports.endpoint.ContainerMtuTooSmallException;
import org.calicomesos.ports.endpoint.EndpointConflictException;
import org.calicomesos.ports.endpoint.HostAddressUnknownException;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.PortMapping;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * The steps net-modules isolate and CNI ADD share, and those cleanup and DEL share, for one {@link EndpointTarget}.
 * Connect: read (nothing written yet); profiles (shared, idempotent content); the veth, named from the endpoint id,
 * so a later request finds it even with no endpoint record; then the endpoint record (a failed write removes the
 * veth again); then the blackholes of its blocks. Disconnect: the veth by name, the addresses, the records, so one
 * cut short is finished by the next; then the host port claims the records held, since a claim outlives its record
 * only as a leak the collector frees, never as a port mapped to nothing for good; then this host's blackholes.
 */
public final class EndpointPlumbing {
  private static final System.Logger LOG = System.getLogger(EndpointPlumbing.class.getName());

  private final EndpointRepository endpoints;
  private final AddressLookup ipam;
  private final ProfileWriter profiles;
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final Dataplane dataplane;
  private final EndpointSettings settings;
  private final PortClaims claims;

  public EndpointPlumbing(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings) {
    this.endpoints = new EndpointRepository(store, keys, settings.node());
    this.ipam = new AddressLookup(store, keys);
    this.profiles = new ProfileWriter(store, keys);
    this.store = store;
    this.keys = keys;
    this.dataplane = dataplane;
    this.settings = settings;
    this.claims = new PortClaims(store, keys, settings.node());
  }

  /** What connecting the target reads, in one round trip; writes nothing. */
  EndpointReads read(EndpointTarget target, List<Netgroup> netgroups, List<IPAddress> addresses) {
    return EndpointReads.read(store, keys, target, settings.node(), profileNames(netgroups),
        profiles, addresses);
  }

  /**
   * Connects the target with {@code addresses}, which must all be allocated to one handle; an interface of its name
   * left by an earlier request that did not finish is replaced.
   */
  public EndpointConnection connect(EndpointTarget target, NetworkNamespace namespace, List<IPAddress> addresses,
      List<Netgroup> netgroups, Map<String, String> labels, List<PortMapping> portMappings) {
    EndpointReads reads = read(target, netgroups, addresses);
    boolean leftOver = dataplane.inspect(target.hostInterface()).isPresent();
    return connect(target, reads, namespace, addresses, netgroups, labels, portMappings, leftOver);
  }

  /**
   * As above, from {@code reads} already made; {@code leftOver}: an interface of the target's name is there. The
   * port mappings' host ports must be claimed already ({@link PortClaims#claim}).
   */
  EndpointConnection connect(EndpointTarget target, EndpointReads reads, NetworkNamespace namespace,
      List<IPAddress> addresses, List<Netgroup> netgroups, Map<String, String> labels,
      List<PortMapping> portMappings, boolean leftOver) {
    List<AddressHolding> holdings = ipam.holdings(addresses, reads.pools(), reads.blocks());
    Optional<HandleId> handle = handleOf(addresses, holdings);
    int mtu = containerMtu(holdings);
    List<ProfileName> profileIds = ensureProfiles(netgroups, reads);
    if (leftOver) {
      removeLeftover(target);
    }

    VethPlan plan = VethPlanner.plan(target.hostInterface(), namespace, target.containerInterface(), addresses, mtu,
        reads.siblings().isEmpty());
    PlumbedInterface plumbed = dataplane.plumb(plan);
    Endpoint endpoint = endpoint(target, addresses, plumbed, profileIds, labels, handle, portMappings);
    try {
      endpoints.save(endpoint);
    } catch (RuntimeException e) {
      undo(target.hostInterface(), e);
      throw e;
    }
    LOG.log(Level.INFO, "connected {0} on {1} with {2}, profiles {3}", target.describe(), target.hostInterface(),
        endpoint.addresses(), profileIds);
    ensureBlackholes(holdings);
    return new EndpointConnection(endpoint, plan, plumbed);
  }

  /**
   * Connect's last step alone, for a request that finds its endpoint complete: one killed after the endpoint record
   * left the blackholes out, and the repeated request must still add them. Only these addresses' blocks of this
   * host, from holdings already read; a disconnect removes the blackholes of blocks given up.
   */
  public void ensureBlackholes(List<AddressHolding> holdings) {
    BlackholeSync.ensure(dataplane, holdings.stream()
        .filter(h -> h.blockHost().filter(settings.node()::equals).isPresent())
        .map(h -> h.block().orElseThrow())
        .distinct()
        .toList());
  }

  /** As above, for {@code addresses} as {@code reads} found them. */
  void ensureBlackholes(EndpointReads reads, List<IPAddress> addresses) {
    ensureBlackholes(ipam.holdings(addresses, reads.pools(), reads.blocks()));
  }

  /**
   * Disconnects the target: its interface by name (so it goes even if no record was written) and any other one its
   * records name, then what {@code release} frees given the records found, then the records, then the host port
   * claims the target holds (found by the claims, not the records: an ADD cut short before its record holds some),
   * then this host's blackholes brought up to date. Idempotent; an unknown target is a success.
   */
  public EndpointRemoval disconnect(EndpointTarget target, Function<List<Endpoint>, List<IPAddress>> release) {
    // The target's records, this host's block claims (for the blackholes, last) and its port claims in one round trip.
    List<Listing> read = store.listAll(List.of(target.recordsPrefix(keys, settings.node()),
        keys.affinityPrefix(settings.node()), claims.prefix()));
    List<Entry> records = read.get(0).entries();
    List<Endpoint> found = readable(target, records);
    boolean removed = dataplane.unplumb(target.hostInterface());
    for (Endpoint endpoint : found) {
      if (!endpoint.interfaceName().equals(target.hostInterface().value())) {
        removed |= dataplane.unplumb(new InterfaceName(endpoint.interfaceName()));
      }
    }
    List<IPAddress> released = release.apply(found);
    int deleted = endpoints.deleteAll(records);
    int ports = claims.releaseOwned(read.get(2), target::holds);
    LOG.log(Level.INFO, "disconnected {0}: interface {1}, {2} endpoint record(s) deleted, released {3}"
        + " and {4} host port(s)", target.describe(), removed ? "removed" : "already gone", deleted, released, ports);
    BlackholeSync.run(ipam, dataplane, read.get(1));
    return new EndpointRemoval(!found.isEmpty() || deleted > 0, removed, released);
  }

  /** The target's endpoints; an unreadable record is reported and then deleted like any other. */
  private static List<Endpoint> readable(EndpointTarget target, List<Entry> records) {
    try {
      return EndpointRepository.decodeAll(records);
    } catch (CorruptValueException e) {
      LOG.log(Level.WARNING, "removing {0} cannot read its endpoint record, so frees no addresses by it: {1}",
          target.describe(), e.getMessage());
      return List.of();
    }
  }

  /** The one handle that holds every address (none for addresses reserved without a uid). */
  private static Optional<HandleId> handleOf(List<IPAddress> addresses, List<AddressHolding> holdings) {
    Set<Optional<HandleId>> handles = new LinkedHashSet<>();
    for (AddressHolding holding : holdings) {
      if (!holding.allocated()) {
        throw new AddressNotAllocatedException(holding.address());
      }
      handles.add(holding.handle());
    }
    if (handles.size() > 1) {
      throw new EndpointConflictException("the addresses " + addresses + " are held by different allocations "
          + handles.stream().map(h -> h.map(HandleId::value).orElse("(none)")).toList()
          + "; a container's addresses come from one uid");
    }
    return handles.iterator().next();
  }

  /**
   * The link's MTU, less VXLAN's headers when any address is in a VXLAN pool: its packets to other hosts are
   * wrapped, and a container that sent full-size frames would have them dropped on the way.
   */
  private int containerMtu(List<AddressHolding> holdings) {
    if (holdings.stream().noneMatch(holding -> holding.encapsulation() == Encapsulation.VXLAN)) {
      return settings.mtu();
    }
    int mtu = settings.mtu() - Pool.VXLAN_OVERHEAD;
    if (mtu < VethPlan.MIN_MTU) {
      throw new ContainerMtuTooSmallException(settings.mtu(), Pool.VXLAN_OVERHEAD, VethPlan.MIN_MTU);
    }
    return mtu;
  }

  /** {@code default_<node>}, then {@code public} if asked, then the other netgroups: the order Calico gave them. */
  private List<ProfileName> profileNames(List<Netgroup> netgroups) {
    List<ProfileName> names = new ArrayList<>();
    names.add(ProfileName.hostDefault(settings.node()));
    publicFirst(netgroups).forEach(netgroup -> names.add(ProfileName.of(netgroup)));
    return names;
  }

  private static List<Netgroup> publicFirst(List<Netgroup> netgroups) {
    List<Netgroup> ordered = new ArrayList<>();
    if (netgroups.contains(Netgroup.PUBLIC)) {
      ordered.add(Netgroup.PUBLIC);
    }
    netgroups.stream().filter(n -> !n.equals(Netgroup.PUBLIC)).forEach(ordered::add);
    return ordered;
  }

  private List<ProfileName> ensureProfiles(List<Netgroup> netgroups, EndpointReads reads) {
    IPAddress hostIp = HostIpChoice.choose(settings.hostIp(), dataplane.hostAddresses())
        .orElseThrow(HostAddressUnknownException::new);
    List<ProfileName> names = new ArrayList<>();
    List<Profile> wanted = new ArrayList<>();
    wanted.add(Profile.hostDefault(settings.node(), hostIp));
    publicFirst(netgroups).forEach(n -> wanted.add(n.equals(Netgroup.PUBLIC) ? Profile.publicProfile() : Profile.netgroup(n)));
    for (Profile profile : wanted) {
      profiles.ensure(profile, profile.name().equals(ProfileName.hostDefault(settings.node())),
          reads.profiles().get(profile.name()));
      names.add(profile.name());
    }
    return names;
  }

  /**
   * An interface of the target's name with no complete endpoint: a kill cut an earlier request short. The name is
   * ours (derived from the target) unless another endpoint on this host claims it.
   */
  private void removeLeftover(EndpointTarget target) {
    InterfaceName hostInterface = target.hostInterface();
    for (Endpoint other : endpoints.onThisHost()) {
      if (!other.id().equals(target.id()) && other.interfaceName().equals(hostInterface.value())) {
        throw new EndpointConflictException("interface " + hostInterface + " already belongs to container "
            + other.container());
      }
    }
    LOG.log(Level.WARNING, "removing {0}, left by a request that did not finish", hostInterface);
    dataplane.unplumb(hostInterface);
  }

  private static Endpoint endpoint(EndpointTarget target, List<IPAddress> addresses, PlumbedInterface plumbed,
      List<ProfileName> profiles, Map<String, String> labels, Optional<HandleId> handle,
      List<PortMapping> portMappings) {
    List<IPAddress> v4 = new ArrayList<>();
    List<IPAddress> v6 = new ArrayList<>();
    for (IPAddress address : addresses) {
      IPAddress net = address.withoutPrefixLength().toPrefixBlock(address.getBitCount());
      (address.isIPv4() ? v4 : v6).add(net);
    }
    return new Endpoint(target.id(), target.container(), plumbed.hostInterface().value(),
        plumbed.containerMac().toColonDelimitedString(), v4, v6, profiles, labels, handle, target.attachment(),
        portMappings);
  }

  private void undo(InterfaceName hostInterface, RuntimeException cause) {
    try {
      dataplane.unplumb(hostInterface);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      LOG.log(Level.WARNING, "could not remove {0} after the endpoint write failed: {1}", hostInterface, e.getMessage());
    }
  }
}
