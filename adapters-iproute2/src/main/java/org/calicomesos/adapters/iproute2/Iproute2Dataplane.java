package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.HostAddress;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.InterfaceExistsException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.PlumbedInterface;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.dataplane.RouteConflictException;
import org.calicomesos.ports.dataplane.VethPlan;

/**
 * {@link Dataplane} that drives {@code ip} (iproute2): the container end is created directly in the container's
 * namespace (moving it later costs a kernel RCU wait), container steps run as one {@code nsenter ... ip -batch},
 * host sysctls are written from Java, and everything is read back as {@code ip -j} JSON.
 */
public final class Iproute2Dataplane implements Dataplane {
  private static final String PROTO = String.valueOf(ROUTE_PROTOCOL);

  private final CommandRunner commands;
  private final IpCommand ip;
  private final String nsenter;

  public Iproute2Dataplane(String ip, String nsenter, Duration commandTimeout) {
    this.commands = new CommandRunner(commandTimeout);
    this.ip = new IpCommand(ip, commands);
    this.nsenter = nsenter;
  }

  /** The {@code ip} and {@code nsenter} found on the PATH, each command given 5 s. */
  public static Iproute2Dataplane onPath() {
    return new Iproute2Dataplane("ip", "nsenter", Duration.ofSeconds(5));
  }

  @Override
  public PlumbedInterface plumb(VethPlan plan) {
    NamespaceCheck.requireContainerNamespace(plan.namespace());
    createVeth(plan);
    try {
      HostSysctls.apply(plan.hostSysctls()); // before the host end goes up: accept_dad must hold for its link-local
      ip.runOrFail("cannot bring up " + plan.hostInterface(), "link", "set", "dev", plan.hostInterface().value(), "up");
      MACAddress containerMac = configureContainer(plan);
      addHostRoutes(plan);
      return new PlumbedInterface(plan.hostInterface(), containerMac);
    } catch (RuntimeException failure) {
      CommandResult undo = ip.run("link", "del", "dev", plan.hostInterface().value());
      if (!undo.succeeded()) {
        failure.addSuppressed(new DataplaneException("cannot remove " + plan.hostInterface()
            + " while rolling back: " + undo.reason()));
      }
      throw failure;
    }
  }

  private void createVeth(VethPlan plan) {
    String host = plan.hostInterface().value();
    String mtu = String.valueOf(plan.mtu());
    CommandResult result = ip.run("link", "add", host, "address", plan.hostMac().toColonDelimitedString(), "mtu", mtu,
        "type", "veth", "peer", "name", plan.containerInterface().value(), "mtu", mtu,
        "netns", plan.namespace().path());
    if (result.succeeded()) {
      return;
    }
    // The pair is created whole or not at all, so there is nothing to undo here.
    if (exists(plan.hostInterface())) {
      throw new InterfaceExistsException(plan.hostInterface());
    }
    throw new DataplaneException("cannot create veth " + host + " with peer " + plan.containerInterface() + " in "
        + plan.namespace().describe() + ": " + result.reason());
  }

  /** Addresses, link up and routes inside the container, in one process; returns the container end's MAC. */
  private MACAddress configureContainer(VethPlan plan) {
    String dev = plan.containerInterface().value();
    List<String> lines = new ArrayList<>();
    for (IPAddress address : plan.containerAddresses()) {
      // No DAD: the IPAM guarantees uniqueness, and a tentative address refuses connections for a second.
      lines.add("address add " + address + " dev " + dev + (address.isIPv6() ? " nodad" : ""));
    }
    lines.add("link set dev " + dev + " up");
    for (Route route : plan.containerRoutes()) {
      lines.add(route.gateway()
          .map(g -> "route add " + route.destination() + " via " + g + " dev " + dev + " proto " + PROTO)
          .orElse("route add " + route.destination() + " dev " + dev + " scope link proto " + PROTO));
    }
    lines.add("link show dev " + dev);
    CommandResult result = commands.run(
        List.of(nsenter, "--net=" + plan.namespace().path(), "--", ip.path(), "-j", "-batch", "-"),
        String.join("\n", lines) + "\n");
    if (!result.succeeded()) {
      int failed = result.failedBatchLine();
      String step = failed >= 1 && failed <= lines.size() ? lines.get(failed - 1) : "configure " + dev;
      throw new DataplaneException("cannot " + step + " in " + plan.namespace().describe() + ": " + result.reason());
    }
    List<JsonNode> outputs = IpJson.arrays(result.stdout());
    String mac = outputs.isEmpty() ? "" : outputs.get(outputs.size() - 1).path(0).path("address").asText();
    MACAddress parsed = new MACAddressString(mac).getAddress();
    if (parsed == null) {
      throw new DataplaneException("cannot read the MAC address of " + dev + " in " + plan.namespace().describe());
    }
    return parsed;
  }

  private void addHostRoutes(VethPlan plan) {
    if (plan.hostRoutes().isEmpty()) {
      return;
    }
    String host = plan.hostInterface().value();
    List<String> lines = new ArrayList<>();
    for (IPAddress destination : plan.hostRoutes()) {
      // add, not replace: a route that is already there means the address is in use on this host.
      lines.add("route add " + destination + " dev " + host + " scope link proto " + PROTO);
    }
    CommandResult result = ip.runWithInput(String.join("\n", lines) + "\n", "-batch", "-");
    if (result.succeeded()) {
      return;
    }
    int failed = result.failedBatchLine();
    if (failed < 1 || failed > lines.size()) {
      throw new DataplaneException("cannot add the host routes of " + host + ": " + result.reason());
    }
    IPAddress destination = plan.hostRoutes().get(failed - 1);
    if (result.stderr().contains("File exists")) {
      throw new RouteConflictException(destination, "this host already routes " + destination + elsewhere(destination));
    }
    throw new DataplaneException("cannot add route " + destination + " dev " + host + ": " + result.reason());
  }

  /** " via eth1" when the route that is in the way can be read, for the operator; otherwise nothing. */
  private String elsewhere(IPAddress destination) {
    CommandResult shown = ip.run("-j", IpCommand.family(destination), "route", "show", "exact",
        destination.toString());
    if (!shown.succeeded()) {
      return "";
    }
    JsonNode route = IpJson.array(shown.stdout()).path(0);
    String dev = route.path("dev").asText("");
    String type = route.path("type").asText("");
    return !dev.isEmpty() ? " via " + dev : !type.isEmpty() ? " as a " + type + " route" : "";
  }

  @Override
  public boolean unplumb(InterfaceName hostInterface) {
    CommandResult result = ip.run("link", "del", "dev", hostInterface.value());
    if (result.succeeded()) {
      return true;
    }
    if (result.stderr().contains("Cannot find device")) {
      return false;
    }
    throw new DataplaneException("cannot delete " + hostInterface + ": " + result.reason());
  }

  @Override
  public Optional<HostInterface> inspect(InterfaceName hostInterface) {
    String dev = hostInterface.value();
    // One process: the link, then our routes of every table and both families out of it.
    CommandResult result = ip.runWithInput(
        "link show dev " + dev + "\nroute show table all proto " + PROTO + " dev " + dev + "\n", "-j", "-batch", "-");
    if (!result.succeeded()) {
      if (result.stderr().contains("does not exist")) {
        return Optional.empty();
      }
      throw new DataplaneException("cannot read " + hostInterface + ": " + result.reason());
    }
    List<JsonNode> outputs = IpJson.arrays(result.stdout());
    JsonNode link = outputs.get(0).path(0);
    List<IPAddress> routes = new ArrayList<>();
    if (outputs.size() > 1) {
      IpJson.mainTable(outputs.get(1)).forEach(route -> routes.add(IpJson.destination(route)));
    }
    MACAddress mac = new MACAddressString(link.path("address").asText()).getAddress();
    return Optional.of(new HostInterface(hostInterface, mac, link.path("mtu").asInt(),
        IpJson.flags(link).contains("UP"), routes));
  }

  @Override
  public Optional<ContainerInterface> inspectContainer(NetworkNamespace namespace, InterfaceName containerInterface) {
    NamespaceCheck.requireContainerNamespace(namespace);
    CommandResult result = commands.run(
        List.of(nsenter, "--net=" + namespace.path(), "--", ip.path(), "-j", "-batch", "-"),
        ContainerEnd.script(containerInterface, PROTO));
    if (!result.succeeded()) {
      if (result.stderr().contains("does not exist")) {
        return Optional.empty();
      }
      throw new DataplaneException("cannot read " + containerInterface + " in " + namespace.describe() + ": "
          + result.reason());
    }
    return Optional.of(ContainerEnd.read(containerInterface, IpJson.arrays(result.stdout())));
  }

  @Override
  public List<InterfaceName> interfacesStartingWith(String prefix) {
    List<InterfaceName> names = new ArrayList<>();
    for (JsonNode link : IpJson.array(ip.runOrFail("cannot list the host's interfaces", "-j", "link", "show"))) {
      String name = link.path("ifname").asText();
      if (name.startsWith(prefix)) {
        names.add(new InterfaceName(name));
      }
    }
    return names;
  }

  @Override
  public List<HostAddress> hostAddresses() {
    List<HostAddress> addresses = new ArrayList<>();
    String output = ip.runOrFail("cannot list the host's addresses", "-j", "address", "show", "scope", "global");
    for (JsonNode link : IpJson.array(output)) {
      if (link.path("addr_info").isEmpty()) {
        continue; // ip lists every link, with no addresses where none matched the scope
      }
      InterfaceName name = new InterfaceName(link.path("ifname").asText());
      for (JsonNode info : link.path("addr_info")) {
        if ("global".equals(info.path("scope").asText())) {
          addresses.add(new HostAddress(name, IpJson.address(info.path("local").asText())));
        }
      }
    }
    return addresses;
  }

  @Override
  public void addBlackhole(IPAddress block) {
    String cidr = block.toPrefixBlock().toString();
    CommandResult result = ip.run(IpCommand.family(block), "route", "add", "blackhole", cidr, "proto", PROTO);
    if (result.succeeded()) {
      return;
    }
    if (result.stderr().contains("File exists") && ourBlackholeExists(block)) {
      return;
    }
    throw new DataplaneException("cannot add blackhole route " + cidr + ": " + result.reason());
  }

  private boolean ourBlackholeExists(IPAddress block) {
    String output = ip.runOrFail("cannot read the routes to " + block, "-j", IpCommand.family(block), "route", "show",
        "exact", block.toPrefixBlock().toString(), "type", "blackhole", "proto", PROTO);
    return !IpJson.array(output).isEmpty();
  }

  @Override
  public boolean removeBlackhole(IPAddress block) {
    String cidr = block.toPrefixBlock().toString();
    // With proto given, the kernel deletes only a route of that protocol.
    CommandResult result = ip.run(IpCommand.family(block), "route", "del", "blackhole", cidr, "proto", PROTO);
    if (result.succeeded()) {
      return true;
    }
    if (result.stderr().contains("No such process")) {
      return false;
    }
    throw new DataplaneException("cannot remove blackhole route " + cidr + ": " + result.reason());
  }

  @Override
  public List<IPAddress> blackholes() {
    List<IPAddress> blocks = new ArrayList<>();
    String output = ip.runOrFail("cannot list blackhole routes", "-j", "route", "show", "table", "all", "type",
        "blackhole", "proto", PROTO);
    IpJson.mainTable(IpJson.array(output)).forEach(route -> blocks.add(IpJson.destination(route)));
    return blocks;
  }

  private boolean exists(InterfaceName name) {
    return ip.run("link", "show", "dev", name.value()).succeeded();
  }
}
