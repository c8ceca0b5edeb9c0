package org.calicomesos.app.cni;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.model.IpFamily;

/**
 * A successful ADD's result, whatever version it is written in: the interfaces, the addresses (each with its
 * gateway and, for the main plugin, the index of the container's interface), the routes.
 */
record CniResult(List<Interface> interfaces, List<Address> addresses, List<Route> routes) {
  /** The gateway the IPAM plugin gives its IPv4 addresses: what a Calico container routes through. */
  static final IPAddress IPV4_GATEWAY = new IPAddressString("169.254.1.1").getAddress();
  private static final IPAddress IPV4_DEFAULT = new IPAddressString("0.0.0.0/0").getAddress();
  private static final IPAddress IPV6_DEFAULT = new IPAddressString("::/0").getAddress();

  CniResult {
    interfaces = List.copyOf(interfaces);
    addresses = List.copyOf(addresses);
    routes = List.copyOf(routes);
  }

  record Interface(String name, String mac, Optional<String> sandbox) {}

  /** {@code cidr} is the address with its prefix length ({@code 10.0.0.5/32}). */
  record Address(String cidr, IpFamily family, Optional<IPAddress> gateway, Optional<Integer> interfaceIndex) {}

  /** The main plugin's: the host end, then the container end in {@code namespace}; its addresses on the latter. */
  static CniResult of(Attachment attachment, NetworkNamespace namespace) {
    List<Interface> interfaces = List.of(
        new Interface(attachment.hostInterface().value(), attachment.hostMac().toColonDelimitedString(),
            Optional.empty()),
        new Interface(attachment.id().ifname().value(), attachment.containerMac().toColonDelimitedString(),
            Optional.of(namespace.path())));
    List<Address> addresses = new ArrayList<>();
    for (IPAddress address : attachment.addresses()) {
      IpFamily family = IpFamily.of(address);
      addresses.add(new Address(Cidrs.hostCidr(address), family, gateway(attachment.containerRoutes(), family),
          Optional.of(1)));
    }
    return new CniResult(interfaces, addresses, attachment.containerRoutes());
  }

  /**
   * The IPAM plugin's: no interfaces, and each IPv4 address with its pool's prefix length and the gateway
   * 169.254.1.1, and no routes. A main plugin such as ptp puts the gateway on its host end, routes it on-link in the
   * container and the pool through it, which is what it can do with an address in no subnet of its own: a default
   * route in the result would name a gateway the container cannot reach yet when ptp adds it. IPv6 addresses come
   * as /128 with no gateway.
   *
   * @param pools the CIDRs of the pools the addresses came from
   */
  static CniResult of(AllocatedAddresses allocated, List<IPAddress> pools) {
    List<Address> addresses = new ArrayList<>();
    for (IPAddress address : allocated.ipv4()) {
      addresses.add(new Address(Cidrs.inPool(address, pools), IpFamily.V4, Optional.of(IPV4_GATEWAY),
          Optional.empty()));
    }
    for (IPAddress address : allocated.ipv6()) {
      addresses.add(new Address(Cidrs.hostCidr(address), IpFamily.V6, Optional.empty(), Optional.empty()));
    }
    return new CniResult(List.of(), addresses, List.of());
  }

  // The container's gateway of a family is the one its routes of that family go through.
  private static Optional<IPAddress> gateway(List<Route> routes, IpFamily family) {
    return routes.stream().filter(route -> IpFamily.of(route.destination()) == family)
        .flatMap(route -> route.gateway().stream()).findFirst();
  }
}
