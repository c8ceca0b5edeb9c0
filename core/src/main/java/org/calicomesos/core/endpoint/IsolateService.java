package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.ipam.AddressHolding;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.profile.Profile;
import org.calicomesos.core.profile.ProfileWriter;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.endpoint.AddressNotAllocatedException;
import org.calicomesos.ports.endpoint.ContainerAlreadyIsolatedException;
import org.calicomesos.ports.endpoint.ContainerMtuTooSmallException;
import org.calicomesos.ports.endpoint.EndpointConflictException;
import org.calicomesos.ports.endpoint.HostAddressUnknownException;
import org.calicomesos.ports.endpoint.IsolateCommand;
import org.calicomesos.ports.endpoint.IsolateContainerUseCase;
import org.calicomesos.ports.endpoint.IsolateResult;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * net-modules {@code isolate}. Steps, ordered so that a kill anywhere leaves something found by name: read
 * (nothing written yet); profiles (shared, idempotent content); the veth, named from the container id, so a
 * later cleanup or isolate finds it even with no endpoint record; then the endpoint record. A failed record
 * write removes the veth again.
 */
public final class IsolateService implements IsolateContainerUseCase {
  private static final System.Logger LOG = System.getLogger(IsolateService.class.getName());

  private final EndpointRepository endpoints;
  private final AddressLookup ipam;
  private final ProfileWriter profiles;
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final Dataplane dataplane;
  private final EndpointSettings settings;

  @Inject
  public IsolateService(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings) {
    this.endpoints = new EndpointRepository(store, keys, settings.node());
    this.ipam = new AddressLookup(store, keys);
    this.profiles = new ProfileWriter(store, keys);
    this.store = store;
    this.keys = keys;
    this.dataplane = dataplane;
    this.settings = settings;
  }

  @Override
  public IsolateResult isolate(IsolateCommand command) {
    EndpointId id = EndpointId.of(command.container());
    InterfaceName hostInterface = new InterfaceName(id.hostInterfaceName());
    IsolateReads reads = IsolateReads.read(store, keys, settings.node(), command.container(),
        profileNames(command.netgroups()), profiles, command.addresses());
    List<Endpoint> existing = reads.existing();
    for (Endpoint endpoint : existing) {
      if (!endpoint.hasAddresses(command.addresses())) {
        throw new ContainerAlreadyIsolatedException(command.container(), "addresses " + endpoint.addresses());
      }
    }
    Optional<HostInterface> existingInterface = dataplane.inspect(hostInterface);
    if (!existing.isEmpty() && existingInterface.isPresent()) {
      LOG.log(Level.INFO, "container {0} is already isolated on {1}; nothing to do", command.container(), hostInterface);
      return new IsolateResult(hostInterface, true);
    }
    List<AddressHolding> holdings = ipam.holdings(command.addresses(), reads.pools(), reads.blocks());
    Optional<HandleId> handle = handleOf(command.addresses(), holdings);
    int mtu = containerMtu(holdings);
    List<ProfileName> profileIds = ensureProfiles(command.netgroups(), reads);
    if (existingInterface.isPresent()) {
      removeLeftover(hostInterface);
    }

    PlumbedInterface plumbed = dataplane.plumb(
        VethPlanner.plan(hostInterface, command.namespace(), command.addresses(), mtu));
    Endpoint endpoint = endpoint(command, id, plumbed, profileIds, handle);
    try {
      endpoints.save(endpoint);
    } catch (RuntimeException e) {
      undo(hostInterface, e);
      throw e;
    }
    LOG.log(Level.INFO, "isolated container {0} on {1} with {2}, profiles {3}", command.container(), hostInterface,
        endpoint.addresses(), profileIds);
    // Only this container's blocks, known from the reads above; cleanup removes the blackholes of blocks given up.
    BlackholeSync.ensure(dataplane, holdings.stream()
        .filter(h -> h.blockHost().filter(settings.node()::equals).isPresent())
        .map(h -> h.block().orElseThrow())
        .distinct()
        .toList());
    return new IsolateResult(hostInterface, false);
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

  private List<ProfileName> ensureProfiles(List<Netgroup> netgroups, IsolateReads reads) {
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
   * An interface of this container's name with no endpoint record: a kill cut an earlier isolate short. The
   * name is ours (derived from the container id) unless another endpoint on this host claims it.
   */
  private void removeLeftover(InterfaceName hostInterface) {
    for (Endpoint other : endpoints.onThisHost()) {
      if (other.interfaceName().equals(hostInterface.value())) {
        throw new EndpointConflictException("interface " + hostInterface + " already belongs to container "
            + other.container());
      }
    }
    LOG.log(Level.WARNING, "removing {0}, left by an isolate that did not finish", hostInterface);
    dataplane.unplumb(hostInterface);
  }

  private static Endpoint endpoint(IsolateCommand command, EndpointId id, PlumbedInterface plumbed,
      List<ProfileName> profiles, Optional<HandleId> handle) {
    List<IPAddress> v4 = new ArrayList<>();
    List<IPAddress> v6 = new ArrayList<>();
    for (IPAddress address : command.addresses()) {
      IPAddress net = address.withoutPrefixLength().toPrefixBlock(address.getBitCount());
      (address.isIPv4() ? v4 : v6).add(net);
    }
    return new Endpoint(id, command.container(), plumbed.hostInterface().value(),
        plumbed.containerMac().toColonDelimitedString(), v4, v6, profiles, command.labels(), handle);
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
