package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The default {@link Dataplane}: rtnetlink requests over sockets of our own, no {@code ip} process. Each call opens
 * its own sockets and closes them, so concurrent calls share nothing.
 */
public final class NetlinkDataplane implements Dataplane {
  @Override
  public PlumbedInterface plumb(VethPlan plan) {
    String container = plan.namespace().describe();
    try (NamespaceFile namespace = NamespaceFile.open(plan.namespace());
        NetlinkSocket host = NetlinkSocket.open()) {
      createVeth(host, plan, namespace);
      try {
        return configure(host, namespace, plan, container);
      } catch (RuntimeException | Error failure) {
        removeAfterFailure(host, plan.hostInterface(), failure);
        throw failure;
      }
    }
  }

  private static void createVeth(NetlinkSocket host, VethPlan plan, NamespaceFile namespace) {
    try {
      host.request(LinkRequests.newVeth(plan.hostInterface(), plan.hostMac().getBytes(), plan.mtu(),
          plan.containerInterface(), namespace.fd()), "create veth " + plan.hostInterface() + " with its peer "
          + plan.containerInterface() + " in " + plan.namespace().describe());
    } catch (KernelRefusal refusal) {
      if (refusal.errno() == Errno.EEXIST) {
        // Either end's name can be taken; the host end is the one we can see and must leave alone.
        if (linkIndex(host, plan.hostInterface()).isPresent()) {
          throw new InterfaceExistsException(plan.hostInterface());
        }
      }
      throw refusal;
    }
  }

  private static PlumbedInterface configure(NetlinkSocket host, NamespaceFile namespace, VethPlan plan,
      String container) {
    int hostIndex = linkIndex(host, plan.hostInterface()).orElseThrow(() -> new DataplaneException(
        "veth " + plan.hostInterface() + " vanished right after it was created"));
    HostSysctls.apply(plan.hostSysctls()); // before the link is up, so accept_dad=0 holds from the start
    host.request(LinkRequests.setUp(hostIndex), "bring " + plan.hostInterface() + " up");

    MACAddress containerMac;
    try (NetlinkSocket inside = NamespaceEntry.openSocketIn(namespace, container)) {
      LinkRequests.Link peer = LinkLookup.find(inside, plan.containerInterface()).orElseThrow(() ->
          new DataplaneException(plan.containerInterface() + " is missing in " + container
              + " right after it was created"));
      for (IPAddress address : plan.containerAddresses()) {
        inside.request(AddressRequests.add(peer.index(), address),
            "add address " + address + " to " + plan.containerInterface() + " in " + container);
      }
      inside.request(LinkRequests.setUp(peer.index()), "bring " + plan.containerInterface() + " up in " + container);
      for (Route route : plan.containerRoutes()) {
        inside.request(RouteRequests.addUnicast(route.destination(), route.gateway(), peer.index()),
            "add route " + route + " dev " + plan.containerInterface() + " in " + container);
      }
      containerMac = new MACAddress(peer.mac());
    }

    for (IPAddress destination : plan.hostRoutes()) {
      try {
        host.request(RouteRequests.addUnicast(destination, Optional.empty(), hostIndex),
            "add route " + destination + " dev " + plan.hostInterface());
      } catch (KernelRefusal refusal) {
        if (refusal.errno() == Errno.EEXIST) {
          throw new RouteConflictException(destination, "the destination is already routed on this host");
        }
        throw refusal;
      }
    }
    return new PlumbedInterface(plan.hostInterface(), containerMac);
  }

  /** Undoes a half-done plumb: deleting the host end takes the peer and every route through either end with it. */
  private static void removeAfterFailure(NetlinkSocket host, InterfaceName hostInterface, Throwable failure) {
    try {
      host.request(LinkRequests.delete(hostInterface), "remove " + hostInterface + " after a failed plumb");
    } catch (RuntimeException cleanup) {
      failure.addSuppressed(cleanup);
    }
  }

  @Override
  public boolean unplumb(InterfaceName hostInterface) {
    try (NetlinkSocket host = NetlinkSocket.open()) {
      host.request(LinkRequests.delete(hostInterface), "delete " + hostInterface);
      return true;
    } catch (KernelRefusal refusal) {
      if (refusal.errno() == Errno.ENODEV) {
        return false;
      }
      throw refusal;
    }
  }

  @Override
  public Optional<HostInterface> inspect(InterfaceName hostInterface) {
    try (NetlinkSocket host = NetlinkSocket.open()) {
      Optional<LinkRequests.Link> found = LinkLookup.find(host, hostInterface);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      LinkRequests.Link link = found.get();
      List<IPAddress> routes = new ArrayList<>();
      for (RouteRequests.RouteEntry route : MainTable.ours(host)) {
        if (route.oif() == link.index() && route.type() == RouteRequests.RTN_UNICAST) {
          routes.add(route.destination());
        }
      }
      return Optional.of(new HostInterface(hostInterface, new MACAddress(link.mac()), link.mtu(), link.up(), routes));
    }
  }

  @Override
  public Optional<ContainerInterface> inspectContainer(NetworkNamespace namespace, InterfaceName containerInterface) {
    try (NamespaceFile file = NamespaceFile.open(namespace);
        NetlinkSocket inside = NamespaceEntry.openSocketIn(file, namespace.describe())) {
      return LinkLookup.find(inside, containerInterface)
          .map(link -> ContainerEnd.read(inside, containerInterface, link));
    }
  }

  @Override
  public List<InterfaceName> interfacesStartingWith(String prefix) {
    List<InterfaceName> names = new ArrayList<>();
    try (NetlinkSocket host = NetlinkSocket.open()) {
      for (NetlinkMessage message : host.dump(LinkRequests.dump(), "list this host's interfaces")) {
        String name = LinkRequests.parse(message).name();
        if (name.startsWith(prefix)) {
          names.add(new InterfaceName(name));
        }
      }
    }
    return names;
  }

  @Override
  public List<HostAddress> hostAddresses() {
    try (NetlinkSocket host = NetlinkSocket.open()) {
      Map<Integer, String> names = new HashMap<>();
      for (NetlinkMessage message : host.dump(LinkRequests.dump(), "list this host's interfaces")) {
        LinkRequests.Link link = LinkRequests.parse(message);
        names.put(link.index(), link.name());
      }
      List<AddressRequests.InterfaceAddress> global = new ArrayList<>();
      for (NetlinkMessage message : host.dump(AddressRequests.dump(), "list this host's addresses")) {
        AddressRequests.InterfaceAddress address = AddressRequests.parse(message);
        if (address.scope() == AddressRequests.RT_SCOPE_UNIVERSE && address.address().length > 0
            && names.containsKey(address.index())) {
          global.add(address);
        }
      }
      // The kernel dumps IPv4 then IPv6; per interface is the order `ip addr` shows (stable sort keeps the rest).
      global.sort(Comparator.comparingInt(AddressRequests.InterfaceAddress::index));
      List<HostAddress> addresses = new ArrayList<>();
      for (AddressRequests.InterfaceAddress address : global) {
        addresses.add(new HostAddress(new InterfaceName(names.get(address.index())),
            InetBytes.address(address.address())));
      }
      return addresses;
    }
  }

  @Override
  public void addBlackhole(IPAddress block) {
    try (NetlinkSocket host = NetlinkSocket.open()) {
      try {
        host.request(RouteRequests.addBlackhole(block), "add blackhole route " + block);
      } catch (KernelRefusal refusal) {
        if (refusal.errno() != Errno.EEXIST || !isOurBlackhole(host, block)) {
          throw refusal;
        }
      }
    }
  }

  @Override
  public boolean removeBlackhole(IPAddress block) {
    try (NetlinkSocket host = NetlinkSocket.open()) {
      host.request(RouteRequests.deleteBlackhole(block), "remove blackhole route " + block);
      return true;
    } catch (KernelRefusal refusal) {
      if (refusal.errno() == Errno.ESRCH) {
        return false;
      }
      throw refusal;
    }
  }

  @Override
  public List<IPAddress> blackholes() {
    try (NetlinkSocket host = NetlinkSocket.open()) {
      List<IPAddress> blocks = new ArrayList<>();
      for (RouteRequests.RouteEntry route : MainTable.ours(host)) {
        if (route.type() == RouteRequests.RTN_BLACKHOLE) {
          blocks.add(route.destination());
        }
      }
      return blocks;
    }
  }

  private static boolean isOurBlackhole(NetlinkSocket host, IPAddress block) {
    IPAddress wanted = InetBytes.prefix(InetBytes.bytes(block), InetBytes.prefixLength(block));
    for (RouteRequests.RouteEntry route : MainTable.ours(host)) {
      if (route.type() == RouteRequests.RTN_BLACKHOLE && wanted.equals(route.destination())) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Integer> linkIndex(NetlinkSocket socket, InterfaceName name) {
    return LinkLookup.find(socket, name).map(LinkRequests.Link::index);
  }
}
