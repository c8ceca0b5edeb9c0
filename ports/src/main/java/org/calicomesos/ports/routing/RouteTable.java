package org.calicomesos.ports.routing;

import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;

/**
 * The kernel's routes to other hosts' addresses (direct mode), in the main table. Every route added
 * here carries {@link Dataplane#ROUTE_PROTOCOL}; a route without it is never listed, changed or removed, and
 * neither are our own routes of other kinds (a veth's {@code /32} has no gateway; a blackhole has no next hop).
 * Which routes should exist is decided in core; implementations only translate. Failures are
 * {@link DataplaneException}s an operator can act on (e.g. the gateway is not on any attached link).
 * Implementations act on the network namespace of the calling thread.
 */
public interface RouteTable {
  /** Our routes with a gateway, both families, in the kernel's order. */
  List<HostRoute> hostRoutes();

  /**
   * Makes {@code route} present: adds it, or replaces our route to the same destination (a block that moved
   * to another host); nothing changes if it is already there. Refuses with a {@link DataplaneException}, and
   * changes nothing, if a main-table route to that destination exists that is not ours (another protocol, or
   * one of our veth routes or blackholes), or if the gateway is not on any link of this host.
   */
  void add(HostRoute route);

  /** Removes our route to exactly this destination via this gateway; false if there was none (idempotent). */
  boolean remove(HostRoute route);
}
