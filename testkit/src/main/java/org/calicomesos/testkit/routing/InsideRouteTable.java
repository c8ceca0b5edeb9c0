package org.calicomesos.testkit.routing;

import java.util.List;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;

/** The adapter under test, every call of it made on the thread inside the test's namespace. */
final class InsideRouteTable implements RouteTable {
  private final RouteTable adapter;
  private final NamespaceThread inside;

  InsideRouteTable(RouteTable adapter, NamespaceThread inside) {
    this.adapter = adapter;
    this.inside = inside;
  }

  @Override
  public List<HostRoute> hostRoutes() {
    return inside.call(adapter::hostRoutes);
  }

  @Override
  public void add(HostRoute route) {
    inside.run(() -> adapter.add(route));
  }

  @Override
  public boolean remove(HostRoute route) {
    return inside.call(() -> adapter.remove(route));
  }
}
