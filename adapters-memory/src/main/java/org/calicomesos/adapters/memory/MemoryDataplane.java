package org.calicomesos.adapters.memory;

import inet.ipaddr.IPAddress;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.InterfaceExistsException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NamespaceNotFoundException;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.RouteConflictException;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * A kernel in a map, for unit tests of {@code core}: plans are recorded, host routes must not collide, a
 * namespace can be marked gone, and any step can be made to fail. Thread-safe.
 */
public final class MemoryDataplane implements Dataplane {
  private final Map<InterfaceName, VethPlan> plumbed = new LinkedHashMap<>();
  private final Map<IPAddress, InterfaceName> hostRoutes = new LinkedHashMap<>();
  private final Set<IPAddress> blackholes = new HashSet<>();
  private final List<HostAddress> hostAddresses = new ArrayList<>();
  private final Set<String> goneNamespaces = new HashSet<>();
  private final List<VethPlan> applied = new ArrayList<>();
  /** Container ends a test changed since their plan was applied (empty: gone from the namespace). */
  private final Map<InterfaceName, Optional<ContainerInterface>> containers = new HashMap<>();
  private int unplumbCalls;
  private DataplaneException nextPlumbFailure;

  public synchronized MemoryDataplane withHostAddress(String interfaceName, IPAddress address) {
    hostAddresses.add(new HostAddress(new InterfaceName(interfaceName), address));
    return this;
  }

  /** Makes the namespace at this path behave as if its process had exited. */
  public synchronized void namespaceGone(String path) {
    goneNamespaces.add(path);
  }

  /** The next plumb fails after creating the interface (and rolls back, as a real adapter must). */
  public synchronized void failNextPlumb(DataplaneException failure) {
    nextPlumbFailure = failure;
  }

  /** Adds a host route out of some other interface, as another program might have. */
  public synchronized void routeElsewhere(IPAddress destination, String interfaceName) {
    hostRoutes.put(destination, new InterfaceName(interfaceName));
  }

  public synchronized Map<InterfaceName, VethPlan> plumbed() {
    return Map.copyOf(plumbed);
  }

  /** Every plan plumb was given, successful or not. */
  public synchronized List<VethPlan> applied() {
    return List.copyOf(applied);
  }

  public synchronized int unplumbCalls() {
    return unplumbCalls;
  }

  @Override
  public synchronized PlumbedInterface plumb(VethPlan plan) {
    applied.add(plan);
    if (goneNamespaces.contains(plan.namespace().path())) {
      throw new NamespaceNotFoundException(plan.namespace().describe() + " is gone: the process has exited");
    }
    if (plumbed.containsKey(plan.hostInterface())) {
      throw new InterfaceExistsException(plan.hostInterface());
    }
    if (nextPlumbFailure != null) {
      DataplaneException failure = nextPlumbFailure;
      nextPlumbFailure = null;
      throw failure;
    }
    for (IPAddress destination : plan.hostRoutes()) {
      InterfaceName holder = hostRoutes.get(destination);
      if (holder != null) {
        throw new RouteConflictException(destination, "it is already routed via " + holder);
      }
    }
    plumbed.put(plan.hostInterface(), plan);
    plan.hostRoutes().forEach(destination -> hostRoutes.put(destination, plan.hostInterface()));
    return new PlumbedInterface(plan.hostInterface(), macFor(plan.hostInterface()));
  }

  @Override
  public synchronized boolean unplumb(InterfaceName hostInterface) {
    unplumbCalls++;
    hostRoutes.values().removeIf(hostInterface::equals);
    containers.remove(hostInterface);
    return plumbed.remove(hostInterface) != null;
  }

  @Override
  public synchronized Optional<HostInterface> inspect(InterfaceName hostInterface) {
    VethPlan plan = plumbed.get(hostInterface);
    if (plan == null) {
      return Optional.empty();
    }
    return Optional.of(new HostInterface(hostInterface, plan.hostMac(), plan.mtu(), true, plan.hostRoutes()));
  }

  /**
   * As the plan left it: its addresses, up, its routes; a test changes it with {@link #changeContainer}. The
   * namespace is known by its path.
   */
  @Override
  public synchronized Optional<ContainerInterface> inspectContainer(NetworkNamespace namespace,
      InterfaceName containerInterface) {
    if (goneNamespaces.contains(namespace.path())) {
      throw new NamespaceNotFoundException(namespace.describe() + " does not exist");
    }
    return plumbed.values().stream()
        .filter(plan -> plan.namespace().path().equals(namespace.path())
            && plan.containerInterface().equals(containerInterface))
        .findFirst()
        .flatMap(plan -> containers.getOrDefault(plan.hostInterface(), Optional.of(new ContainerInterface(
            containerInterface, true, plan.containerAddresses(), plan.containerRoutes()))));
  }

  /** Replaces what {@link #inspectContainer} reports for the container end of {@code hostInterface}. */
  public synchronized void changeContainer(InterfaceName hostInterface, UnaryOperator<ContainerInterface> change) {
    VethPlan plan = plumbedPlan(hostInterface);
    containers.put(hostInterface, Optional.of(change.apply(
        inspectContainer(plan.namespace(), plan.containerInterface()).orElseThrow())));
  }

  /** The container end of {@code hostInterface} is gone from its namespace, the host end left (as a runtime might). */
  public synchronized void removeContainerEnd(InterfaceName hostInterface) {
    plumbedPlan(hostInterface);
    containers.put(hostInterface, Optional.empty());
  }

  private VethPlan plumbedPlan(InterfaceName hostInterface) {
    VethPlan plan = plumbed.get(hostInterface);
    if (plan == null) {
      throw new IllegalStateException(hostInterface + " is not plumbed");
    }
    return plan;
  }

  @Override
  public synchronized List<InterfaceName> interfacesStartingWith(String prefix) {
    return plumbed.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
  }

  @Override
  public synchronized List<HostAddress> hostAddresses() {
    return List.copyOf(hostAddresses);
  }

  @Override
  public synchronized void addBlackhole(IPAddress block) {
    blackholes.add(block);
  }

  @Override
  public synchronized boolean removeBlackhole(IPAddress block) {
    return blackholes.remove(block);
  }

  @Override
  public synchronized List<IPAddress> blackholes() {
    return List.copyOf(blackholes);
  }

  private static MACAddress macFor(InterfaceName name) {
    int hash = name.hashCode();
    return new MACAddressString(String.format("02:00:%02x:%02x:%02x:%02x",
        (hash >>> 24) & 0xff, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff)).getAddress();
  }
}
