package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.ipam.AllocateAddressesUseCase;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.AssignAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReserveAddressesUseCase;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.model.IpFamily;

/**
 * net-modules {@code allocate} and {@code reserve}: decides what is recorded with each address, and composes
 * an allocate from a reserve of its static addresses and an allocate of the rest, undoing the reserve when
 * the allocate fails.
 */
public final class AssignAddressesService implements AssignAddressesUseCase {
  private static final System.Logger LOG = System.getLogger(AssignAddressesService.class.getName());

  private final ReserveAddressesUseCase reserve;
  private final AllocateAddressesUseCase allocate;
  private final ReleaseAddressesUseCase release;

  @Inject
  public AssignAddressesService(ReserveAddressesUseCase reserve, AllocateAddressesUseCase allocate,
      ReleaseAddressesUseCase release) {
    this.reserve = reserve;
    this.allocate = allocate;
    this.release = release;
  }

  @Override
  public AllocatedAddresses assign(AssignAddressesCommand command) {
    Map<String, String> attributes = attributes(command);
    if (command instanceof AssignAddressesCommand.Reserve named) {
      reserve.reserve(new ReserveCommand(named.node(), named.handle(), named.addresses(), attributes));
      return byFamily(named.addresses());
    }
    AssignAddressesCommand.Allocate request = (AssignAddressesCommand.Allocate) command;
    ReserveCommand reservation = request.staticAddresses().isEmpty() ? null
        : new ReserveCommand(request.node(), request.handle(), request.staticAddresses(), attributes);
    AllocateCommand allocation = new AllocateCommand(request.node(), request.handle(), request.ipv4Count(),
        request.ipv6Count(), request.pools(), attributes);
    if (reservation != null) {
      reserve.reserve(reservation);
    }
    AllocatedAddresses allocated = allocateOrUndo(allocation, reservation);
    List<IPAddress> ipv4 = new ArrayList<>(request.staticAddresses());
    ipv4.addAll(allocated.ipv4());
    return new AllocatedAddresses(ipv4, allocated.ipv6());
  }

  /** Recorded with each address, so {@code ipam show} and the leak check can say which host asked. */
  private static Map<String, String> attributes(AssignAddressesCommand command) {
    return Map.of("node", command.node().value(), "hostname", command.hostname().value());
  }

  // The static addresses were reserved for this allocation alone: when the count cannot be met, free them
  // again, so a failed allocate leaves nothing behind (the isolator never releases what allocate refused).
  private AllocatedAddresses allocateOrUndo(AllocateCommand allocation, ReserveCommand reservation) {
    if (allocation.ipv4Count() + allocation.ipv6Count() == 0) {
      return new AllocatedAddresses(List.of(), List.of());
    }
    try {
      return allocate.allocate(allocation);
    } catch (RuntimeException e) {
      if (reservation != null) {
        try {
          release.release(new ReleaseCommand.ByAddresses(reservation.addresses()));
        } catch (RuntimeException undo) {
          LOG.log(Level.WARNING, "could not release the static addresses after a failed allocate", undo);
          e.addSuppressed(undo);
        }
      }
      throw e;
    }
  }

  private static AllocatedAddresses byFamily(List<IPAddress> addresses) {
    List<IPAddress> ipv4 = new ArrayList<>();
    List<IPAddress> ipv6 = new ArrayList<>();
    for (IPAddress address : addresses) {
      if (IpFamily.of(address) == IpFamily.V4) {
        ipv4.add(address);
      } else {
        ipv6.add(address);
      }
    }
    return new AllocatedAddresses(ipv4, ipv6);
  }
}
