package org.calicomesos.app.plugin;

import dagger.Lazy;
import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.ipam.AllocateAddressesUseCase;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReserveAddressesUseCase;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.NodeName;

/**
 * {@code allocate}: {@code num_ipv4}/{@code num_ipv6} addresses under {@code uid}, plus the addresses the
 * legacy {@code ipv4_addrs} label names (reserved first, returned first in {@code ipv4}).
 */
final class AllocateHandler implements CommandHandler {
  private static final System.Logger LOG = System.getLogger(AllocateHandler.class.getName());

  private final Lazy<AllocateAddressesUseCase> allocate;
  private final Lazy<ReserveAddressesUseCase> reserve;
  private final Lazy<ReleaseAddressesUseCase> release;
  private final NodeName node;

  @Inject
  AllocateHandler(Lazy<AllocateAddressesUseCase> allocate, Lazy<ReserveAddressesUseCase> reserve,
      Lazy<ReleaseAddressesUseCase> release, NodeName node) {
    this.allocate = allocate;
    this.reserve = reserve;
    this.release = release;
    this.node = node;
  }

  @Override
  public Reply handle(RequestArgs args) {
    HandleId uid = args.uid();
    AgentHostname hostname = args.hostname();
    int ipv4Count = args.count("num_ipv4");
    int ipv6Count = args.count("num_ipv6");
    args.netgroups();
    List<IPAddress> fixed = StaticAddressLabel.parse(args.labels());
    if (ipv4Count + ipv6Count + fixed.size() == 0) {
      throw new InvalidRequestException("allocate asks for no addresses: num_ipv4 and num_ipv6 are both 0");
    }
    Map<String, String> attributes = AddressAttributes.of(node, hostname);
    ReserveCommand reservation = fixed.isEmpty() ? null : new ReserveCommand(node, uid, fixed, attributes);
    AllocateCommand allocation = new AllocateCommand(node, uid, ipv4Count, ipv6Count, attributes);

    // Every value is validated: only from here on is the datastore touched.
    if (reservation != null) {
      reserve.get().reserve(reservation);
    }
    AllocatedAddresses allocated = allocateOrUndo(allocation, reservation);
    List<IPAddress> ipv4 = new ArrayList<>(fixed);
    ipv4.addAll(allocated.ipv4());
    return new Reply.Addresses(ipv4, allocated.ipv6());
  }

  // The label's addresses were reserved for this allocation alone: when the count cannot be met, free
  // them again, so that a failed allocate leaves nothing behind (the isolator will never release them).
  private AllocatedAddresses allocateOrUndo(AllocateCommand allocation, ReserveCommand reservation) {
    if (allocation.ipv4Count() + allocation.ipv6Count() == 0) {
      return new AllocatedAddresses(List.of(), List.of());
    }
    try {
      return allocate.get().allocate(allocation);
    } catch (RuntimeException e) {
      if (reservation != null) {
        try {
          release.get().release(new ReleaseCommand.ByAddresses(reservation.addresses()));
        } catch (RuntimeException undo) {
          LOG.log(System.Logger.Level.WARNING, "could not release the label's addresses after a failed allocate", undo);
          e.addSuppressed(undo);
        }
      }
      throw e;
    }
  }
}
