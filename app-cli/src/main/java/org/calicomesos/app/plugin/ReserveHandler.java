package org.calicomesos.app.plugin;

import dagger.Lazy;
import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.ipam.ReserveAddressesUseCase;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;

/**
 * {@code reserve}: exactly the named addresses under {@code uid}, all or none. Each address must be in its
 * family's field (IPv4 in {@code ipv4_addrs}, IPv6 in {@code ipv6_addrs}), as the protocol documents;
 * an IPv6 address in {@code ipv4_addrs} is refused with a message naming the field.
 */
final class ReserveHandler implements CommandHandler {
  private final Lazy<ReserveAddressesUseCase> reserve;
  private final NodeName node;

  @Inject
  ReserveHandler(Lazy<ReserveAddressesUseCase> reserve, NodeName node) {
    this.reserve = reserve;
    this.node = node;
  }

  @Override
  public Reply handle(RequestArgs args) {
    List<IPAddress> addresses = new ArrayList<>(args.addresses("ipv4_addrs", IpFamily.V4));
    addresses.addAll(args.addresses("ipv6_addrs", IpFamily.V6));
    args.netgroups();
    args.labels();
    ReserveCommand command = new ReserveCommand(node, args.uid(), addresses, AddressAttributes.of(node, args.hostname()));
    reserve.get().reserve(command);
    return Reply.DONE;
  }
}
