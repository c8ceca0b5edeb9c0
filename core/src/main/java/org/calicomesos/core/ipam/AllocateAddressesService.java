package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.ipam.AllocateAddressesUseCase;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * net-modules {@code allocate} (and CNI's ADD): IPv4 then IPv6; if IPv6 fails, the IPv4 addresses are released
 * again. Pools named in the command are checked before anything is written, and then no default pool is created.
 */
public final class AllocateAddressesService implements AllocateAddressesUseCase {
  private static final System.Logger LOG = System.getLogger(AllocateAddressesService.class.getName());

  private final IpamComponents ipam;

  /** Where no one counts compare-and-swap retries (tests, tools). */
  public AllocateAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this(store, keys, settings, IpamRetryListener.NONE);
  }

  /** @param retries hears of every compare-and-swap this service loses and retries (the agent's metrics) */
  @Inject
  public AllocateAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings, IpamRetryListener retries) {
    this.ipam = new IpamComponents(store, keys, settings, retries);
  }

  @Override
  public AllocatedAddresses allocate(AllocateCommand command) {
    if (command.ipv4Count() == 0 && command.ipv6Count() == 0) {
      return new AllocatedAddresses(List.of(), List.of());
    }
    Set<IpFamily> needed = EnumSet.noneOf(IpFamily.class);
    if (command.ipv4Count() > 0) {
      needed.add(IpFamily.V4);
    }
    if (command.ipv6Count() > 0) {
      needed.add(IpFamily.V6);
    }
    PoolsAndClaims read = ipam.repository.poolsAndClaims(command.node());
    List<PoolRecord> pools = poolsFor(command, needed, read.pools());
    AllocationAttribute holder = new AllocationAttribute(Optional.of(command.handle()), command.attributes());
    List<IPAddress> ipv4 = assign(command, holder, IpFamily.V4, command.ipv4Count(), pools, read.claims());
    List<IPAddress> ipv6;
    try {
      ipv6 = assign(command, holder, IpFamily.V6, command.ipv6Count(), pools, read.claims());
    } catch (RuntimeException e) {
      try {
        ipam.releaser.release(ipv4, Optional.of(command.handle()));
      } catch (RuntimeException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
    LOG.log(Level.INFO, "assigned {0} {1} to uid {2} on host {3}", ipv4, ipv6, command.handle(), command.node());
    return new AllocatedAddresses(ipv4, ipv6);
  }

  /**
   * The named pools, in order; and for a needed family none of them is of, every pool of it (creating the default
   * as an unnamed request would), as Calico's {@code ipv4_pools} restricts IPv4 only. Naming an unknown pool is
   * refused before anything is created.
   */
  private List<PoolRecord> poolsFor(AllocateCommand command, Set<IpFamily> needed, List<PoolRecord> read) {
    List<PoolRecord> pools = new ArrayList<>(PoolDirectory.named(read, command.pools()));
    Set<IpFamily> unnamed = EnumSet.noneOf(IpFamily.class);
    for (IpFamily family : needed) {
      if (command.pools().stream().noneMatch(cidr -> IpFamily.of(cidr) == family)) {
        unnamed.add(family);
      }
    }
    if (!unnamed.isEmpty()) {
      for (PoolRecord pool : ipam.pools.poolsCreatingDefaults(unnamed, read)) {
        if (unnamed.contains(pool.pool().family())) {
          pools.add(pool);
        }
      }
    }
    return pools;
  }

  private List<IPAddress> assign(AllocateCommand command, AllocationAttribute holder, IpFamily family, int count,
      List<PoolRecord> pools, Map<IPAddress, Affinity> claims) {
    return count == 0 ? List.of()
        : ipam.assigner.assign(command.node(), holder, family, count, PoolDirectory.usable(pools, family), claims);
  }
}
