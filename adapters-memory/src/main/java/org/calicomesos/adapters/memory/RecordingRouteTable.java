package org.calicomesos.adapters.memory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;

/**
 * A {@link RouteTable} that keeps routes in memory and counts the changes made to it, for tests of core; no kernel.
 * One destination holds one route, as in the kernel's main table; routes can be made to fail, or deleted behind
 * the caller's back as an operator would.
 */
public final class RecordingRouteTable implements RouteTable {
  private final Map<String, HostRoute> routes = new LinkedHashMap<>();
  private final Set<HostRoute> refused = new HashSet<>();
  private int changes;
  private int listings;

  /** Makes every {@link #add} of {@code route} fail as a kernel would (e.g. its gateway is on no link). */
  public synchronized void refuse(HostRoute route) {
    refused.add(route);
  }

  /** Deletes a route as someone else would, unnoticed by the caller. */
  public synchronized void deleteBehindTheBack(HostRoute route) {
    routes.remove(route.destination().toCanonicalString(), route);
  }

  /** How many adds and removes changed the table. */
  public synchronized int changes() {
    return changes;
  }

  /** How many times the routes were listed (each convergence lists them once). */
  public synchronized int listings() {
    return listings;
  }

  @Override
  public synchronized List<HostRoute> hostRoutes() {
    listings++;
    return new ArrayList<>(routes.values());
  }

  @Override
  public synchronized void add(HostRoute route) {
    if (refused.contains(route)) {
      throw new DataplaneException("cannot add route " + route + ": Network is unreachable");
    }
    if (!route.equals(routes.put(route.destination().toCanonicalString(), route))) {
      changes++;
    }
  }

  @Override
  public synchronized boolean remove(HostRoute route) {
    boolean removed = routes.remove(route.destination().toCanonicalString(), route);
    changes += removed ? 1 : 0;
    return removed;
  }
}
