package org.calicomesos.app.netmodules;

import dagger.Lazy;
import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import org.calicomesos.app.mesos.StaticAddressLabel;
import org.calicomesos.app.mesos.TaskLabels;
import java.util.List;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.AssignAddressesUseCase;
import org.calicomesos.ports.model.AgentHostname;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;

/**
 * {@code allocate}: {@code num_ipv4}/{@code num_ipv6} addresses under {@code uid}, plus the addresses the
 * legacy {@code ipv4_addrs} label names (reserved first, returned first in {@code ipv4}).
 */
final class AllocateHandler implements CommandHandler {
  private final Lazy<AssignAddressesUseCase> assign;
  private final NodeName node;

  @Inject
  AllocateHandler(Lazy<AssignAddressesUseCase> assign, NodeName node) {
    this.assign = assign;
    this.node = node;
  }

  @Override
  public Reply handle(RequestArgs args) {
    // Read in this order so that, of several bad fields, the one named first is the one reported.
    HandleId uid = args.uid();
    AgentHostname hostname = args.hostname();
    int ipv4Count = args.count("num_ipv4");
    int ipv6Count = args.count("num_ipv6");
    List<Netgroup> netgroups = args.netgroups();
    TaskLabels labels = args.labels();
    List<IPAddress> staticAddresses = StaticAddressLabel.parse(labels);
    AllocatedAddresses assigned = assign.get().assign(new AssignAddressesCommand.Allocate(
        node, uid, hostname, ipv4Count, ipv6Count, staticAddresses, List.of(), netgroups, labels.asMap()));
    return new Reply.Addresses(assigned.ipv4(), assigned.ipv6());
  }
}
