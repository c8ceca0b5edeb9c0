package org.calicomesos.app.netmodules;

import dagger.Lazy;
import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.AssignAddressesUseCase;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;

/**
 * {@code reserve}: exactly the named addresses under {@code uid}, all or none. Each address must be in its
 * family's field (IPv4 in {@code ipv4_addrs}, IPv6 in {@code ipv6_addrs}), as the protocol documents;
 * an IPv6 address in {@code ipv4_addrs} is refused with a message naming the field.
 */
final class ReserveHandler implements CommandHandler {
  private final Lazy<AssignAddressesUseCase> assign;
  private final NodeName node;

  @Inject
  ReserveHandler(Lazy<AssignAddressesUseCase> assign, NodeName node) {
    this.assign = assign;
    this.node = node;
  }

  @Override
  public Reply handle(RequestArgs args) {
    // Read in this order so that, of several bad fields, the one named first is the one reported.
    List<IPAddress> addresses = new ArrayList<>(args.addresses("ipv4_addrs", IpFamily.V4));
    addresses.addAll(args.addresses("ipv6_addrs", IpFamily.V6));
    List<Netgroup> netgroups = args.netgroups();
    Map<String, String> labels = args.labels().asMap();
    HandleId uid = args.uid();
    AgentHostname hostname = args.hostname();
    assign.get().assign(new AssignAddressesCommand.Reserve(node, uid, hostname, addresses, netgroups, labels));
    return Reply.DONE;
  }
}
