package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.IpFamily;

/** Finds pools, and creates the configured default pools on first use when there are none at all. */
final class PoolDirectory {
  private static final System.Logger LOG = System.getLogger(PoolDirectory.class.getName());

  private final IpamRepository repository;
  private final IpamSettings settings;

  PoolDirectory(IpamRepository repository, IpamSettings settings) {
    this.repository = repository;
    this.settings = settings;
  }

  /**
   * Every pool, creating both default pools first when no pool of either family exists (a cluster
   * that configured only IPv4 pools gets no surprise IPv6 pool).
   */
  List<PoolRecord> poolsCreatingDefaults() {
    List<PoolRecord> pools = repository.allPools();
    if (!pools.isEmpty()) {
      return pools;
    }
    for (IPAddress cidr : List.of(settings.defaultIpv4Pool(), settings.defaultIpv6Pool())) {
      Pool pool = new Pool(cidr, IpFamily.of(cidr).defaultBlockPrefix(), false);
      if (repository.createPoolIfAbsent(new PoolRecord(pool, false))) {
        LOG.log(Level.INFO, "no IP pool existed: created the default pool {0} (block size /{1})", pool, pool.blockPrefixLength());
      }
    }
    return repository.allPools();
  }

  /** Pools of the family that new addresses may come from, in datastore order. */
  static List<Pool> usable(List<PoolRecord> pools, IpFamily family) {
    return pools.stream().filter(p -> !p.disabled() && p.pool().family() == family).map(PoolRecord::pool).toList();
  }

  /** The pool that contains the address, disabled or not. */
  static Optional<Pool> containing(List<PoolRecord> pools, IPAddress address) {
    return pools.stream().map(PoolRecord::pool).filter(p -> p.cidr().contains(address)).findFirst();
  }

  /** The block of {@code pool} that holds {@code address}. */
  static IPAddress blockOf(Pool pool, IPAddress address) {
    return address.toPrefixBlock(pool.blockPrefixLength());
  }
}
