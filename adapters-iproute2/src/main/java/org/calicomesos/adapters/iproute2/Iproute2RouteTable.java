package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * {@link RouteTable} that drives {@code ip route}, in the namespace of the calling thread. {@code ip route replace}
 * replaces a route of any protocol, so {@link #add} reads the destination's routes first and replaces only one of
 * ours; a destination nobody routes is added with {@code ip route add}, which never clobbers. An encapsulated route
 * is one out of {@value VxlanTunnel#DEVICE} flagged {@code onlink}.
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
        routes.add(hostRoute(route));
      }
    }
    return routes;
  }

  @Override
  public void add(HostRoute route) {
    String destination = route.destination().toCanonicalString();
    String gateway = route.gateway().toCanonicalString();
    String family = IpCommand.family(route.destination());
    boolean ours = false;
    boolean same = true;
    for (JsonNode existing : routesTo(route)) {
      if (!PROTO.equals(existing.path("protocol").asText()) || !isHostRoute(existing)) {
        throw notOurs(route);
      }
      ours = true;
      same &= route.equals(hostRoute(existing));
    }
    if (ours && same) {
      return;
    }
    List<String> args = new ArrayList<>(List.of(family, "route", ours ? "replace" : "add", destination, "via",
        gateway));
    if (route.encapsulated()) {
      args.addAll(List.of("dev", VxlanTunnel.DEVICE, "onlink"));
    }
    args.addAll(List.of("proto", PROTO));
    CommandResult result = ip.run(args.toArray(String[]::new));
    if (!result.succeeded()) {
      throw refusal(route, result);
    }
  }

  private static DataplaneException refusal(HostRoute route, CommandResult result) {
    String reason = result.stderr();
    // IPv4 answers with the extended ack "Nexthop has invalid gateway" (ENETUNREACH), IPv6 with EHOSTUNREACH.
    if (reason.contains("Nexthop has invalid gateway") || reason.contains("Network is unreachable")
        || reason.contains("No route to host")) {
      return new DataplaneException("cannot add route " + route + ": the gateway " + route.gateway()
          + " is not on any link of this host (" + result.reason() + ")");
    }
    if (reason.contains("Cannot find device")) {
      return new DataplaneException("cannot add route " + route + ": device " + VxlanTunnel.DEVICE + " is missing");
    }
    if (reason.contains("Nexthop device is not up") || reason.contains("Network is down")) {
      return new DataplaneException("cannot add route " + route + ": device " + VxlanTunnel.DEVICE + " is down ("
          + result.reason() + ")");
    }
    if (reason.contains("File exists")) {
      return notOurs(route); // added by someone else since we read the table
    }
    return new DataplaneException("cannot add route " + route + ": " + result.reason());
  }

  @Override
  public boolean remove(HostRoute route) {
    for (JsonNode existing : routesTo(route)) {
      if (PROTO.equals(existing.path("protocol").asText()) && isHostRoute(existing)
          && route.equals(hostRoute(existing))) {
        // Naming the route's link, so ip cannot take the direct route for the encapsulated one or back.
        CommandResult result = ip.run(IpCommand.family(route.destination()), "route", "del",
            route.destination().toCanonicalString(), "via", route.gateway().toCanonicalString(), "dev",
            existing.path("dev").asText(), "proto", PROTO);
        if (result.succeeded()) {
          return true;
        }
        if (result.stderr().contains("No such process")) {
          return false;
        }
        throw new DataplaneException("cannot remove route " + route + ": " + result.reason());
      }
    }
    return false;
  }

  /** Main-table routes to exactly the route's destination, any protocol: ip prints each one's "protocol" then. */
  private JsonNode routesTo(HostRoute route) {
    String destination = route.destination().toCanonicalString();
    return IpJson.array(ip.runOrFail("cannot read the routes to " + destination, "-j",
        IpCommand.family(route.destination()), "route", "show", "exact", destination));
  }

  /** Unicast (ip prints "type" only for other types) and via a gateway: not a veth's route, not a blackhole. */
  private static boolean isHostRoute(JsonNode route) {
    return !route.has("type") && route.hasNonNull("gateway");
  }

  /** One of our host routes as the port sees it: encapsulated when it goes onlink out of the tunnel device. */
  private static HostRoute hostRoute(JsonNode route) {
    boolean onlink = false;
    for (JsonNode flag : route.path("flags")) {
      onlink |= flag.asText().equals("onlink");
    }
    IPAddress destination = IpJson.destination(route);
    boolean encapsulated = onlink && VxlanTunnel.DEVICE.equals(route.path("dev").asText()) && destination.isIPv4();
    return new HostRoute(destination, IpJson.address(route.path("gateway").asText()), encapsulated);
  }

  private static DataplaneException notOurs(HostRoute route) {
    return new DataplaneException("cannot add route " + route + ": " + route.destination().toCanonicalString()
        + " is already routed on this host by a route that is not one of our host routes; leaving it alone");
  }
}
