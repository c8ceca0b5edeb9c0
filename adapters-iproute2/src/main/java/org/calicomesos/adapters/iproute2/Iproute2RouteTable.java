package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;

/**
 * {@link RouteTable} that drives {@code ip route}, in the namespace of the calling thread. {@code ip route replace}
 * replaces a route of any protocol, so {@link #add} reads the destination's routes first and replaces only one of
 * ours; a destination nobody routes is added with {@code ip route add}, which never clobbers.
 */
public final class Iproute2RouteTable implements RouteTable {
  private static final String PROTO = String.valueOf(Dataplane.ROUTE_PROTOCOL);

  private final IpCommand ip;

  public Iproute2RouteTable(String ip, Duration commandTimeout) {
    this.ip = new IpCommand(ip, new CommandRunner(commandTimeout));
  }

  /** The {@code ip} found on the PATH, each command given 5 s, as the dataplane's. */
  public static Iproute2RouteTable onPath() {
    return new Iproute2RouteTable("ip", Duration.ofSeconds(5));
  }

  @Override
  public List<HostRoute> hostRoutes() {
    // "table all" is what makes ip dump both families; main-table entries are the ones without a "table" field.
    String output = ip.runOrFail("cannot list our routes", "-j", "route", "show", "table", "all", "proto", PROTO);
    List<HostRoute> routes = new ArrayList<>();
    for (JsonNode route : IpJson.array(output)) {
      if (!route.has("table") && isHostRoute(route)) {
        routes.add(new HostRoute(IpJson.destination(route), IpJson.address(route.path("gateway").asText())));
      }
    }
    return routes;
  }

  @Override
  public void add(HostRoute route) {
    String destination = route.destination().toCanonicalString();
    String gateway = route.gateway().toCanonicalString();
    String family = IpCommand.family(route.destination());
    // Without a proto filter ip prints each route's "protocol", which tells ours from others.
    JsonNode present = IpJson.array(ip.runOrFail("cannot read the routes to " + destination, "-j", family, "route",
        "show", "exact", destination));
    boolean ours = false;
    boolean same = true;
    for (JsonNode existing : present) {
      if (!PROTO.equals(existing.path("protocol").asText()) || !isHostRoute(existing)) {
        throw notOurs(route);
      }
      ours = true;
      same &= gateway.equals(IpJson.address(existing.path("gateway").asText()).toCanonicalString());
    }
    if (ours && same) {
      return;
    }
    CommandResult result = ip.run(family, "route", ours ? "replace" : "add", destination, "via", gateway, "proto",
        PROTO);
    if (result.succeeded()) {
      return;
    }
    String reason = result.stderr();
    // IPv4 answers with the extended ack "Nexthop has invalid gateway" (ENETUNREACH), IPv6 with EHOSTUNREACH.
    if (reason.contains("Nexthop has invalid gateway") || reason.contains("Network is unreachable")
        || reason.contains("No route to host")) {
      throw new DataplaneException("cannot add route " + route + ": the gateway " + gateway
          + " is not on any link of this host (" + result.reason() + ")");
    }
    if (reason.contains("File exists")) {
      throw notOurs(route); // added by someone else since we read the table
    }
    throw new DataplaneException("cannot add route " + route + ": " + result.reason());
  }

  @Override
  public boolean remove(HostRoute route) {
    // With proto and via given, the kernel deletes only our route through this very gateway.
    CommandResult result = ip.run(IpCommand.family(route.destination()), "route", "del",
        route.destination().toCanonicalString(), "via", route.gateway().toCanonicalString(), "proto", PROTO);
    if (result.succeeded()) {
      return true;
    }
    if (result.stderr().contains("No such process")) {
      return false;
    }
    throw new DataplaneException("cannot remove route " + route + ": " + result.reason());
  }

  /** Unicast (ip prints "type" only for other types) and via a gateway: not a veth's route, not a blackhole. */
  private static boolean isHostRoute(JsonNode route) {
    return !route.has("type") && route.hasNonNull("gateway");
  }

  private static DataplaneException notOurs(HostRoute route) {
    return new DataplaneException("cannot add route " + route + ": " + route.destination().toCanonicalString()
        + " is already routed on this host by a route that is not one of our host routes; leaving it alone");
  }
}
