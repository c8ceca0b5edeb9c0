package org.calicomesos.ports.dataplane;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;

/**
 * Plumbs containers into the host's network (docs/architecture.md, "Ports"; docs/calico-model.md,
 * "Container plumbing"). Implementations: rtnetlink and the {@code ip} command; both must leave the kernel in the
 * same state for the same plan. Every failure is a {@link DataplaneException} whose message an operator can act on.
 */
public interface Dataplane {
  /** rtnetlink protocol number on every route we add, so we only ever remove or report our own routes. */
  int ROUTE_PROTOCOL = 196;

  /**
   * Applies the plan. If any step fails, removes what this call created (the veth pair, and with it its
   * routes) and throws; it never touches an interface it did not create — an existing {@code hostInterface}
   * is refused with {@link InterfaceExistsException}.
   */
  PlumbedInterface plumb(VethPlan plan);

  /**
   * Deletes the host end (the kernel deletes the container end and the routes through it).
   *
   * @return false if there was no such interface (success: removal is idempotent)
   */
  boolean unplumb(InterfaceName hostInterface);

  /** The host end as it is now, if it exists. */
  Optional<HostInterface> inspect(InterfaceName hostInterface);

  /**
   * The container end as it is now, read inside {@code namespace}; empty if the namespace has no interface of that
   * name. Changes nothing.
   *
   * @throws NamespaceNotFoundException when the namespace is gone or is not a network namespace
   */
  Optional<ContainerInterface> inspectContainer(NetworkNamespace namespace, InterfaceName containerInterface);

  /** Names of the host's interfaces that start with {@code prefix} (e.g. {@code cali}). */
  List<InterfaceName> interfacesStartingWith(String prefix);

  /** Global-scope addresses of the host's interfaces, in the kernel's order (interface index, then address). */
  List<HostAddress> hostAddresses();

  /** Adds {@code blackhole <block>} with our protocol, unless that exact route is already there. */
  void addBlackhole(IPAddress block);

  /** Removes our {@code blackhole <block>}; false if it was not there. */
  boolean removeBlackhole(IPAddress block);

  /** Our blackhole routes (prefixes), both families. */
  List<IPAddress> blackholes();
}
