package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolNotFoundException;
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
   * Every pool. While the configured default pools are the only pools (none at all, at first), a
   * family the request needs but no pool serves gets its default pool. Several processes may do this
   * at once: create-if-absent lets exactly one write each pool, and a process that sees another's
   * half-finished work (one default pool of two) completes it rather than failing. Once an operator
   * adds a pool of their own, nothing is created for them.
   */
  List<PoolRecord> poolsCreatingDefaults(Set<IpFamily> needed) {
    return poolsCreatingDefaults(needed, repository.allPools());
  }

  /** As {@link #poolsCreatingDefaults(Set)}, starting from {@code pools} just read. */
  List<PoolRecord> poolsCreatingDefaults(Set<IpFamily> needed, List<PoolRecord> pools) {
    if (!onlyDefaults(pools)) {
      return pools;
    }
    Set<IpFamily> wanted = pools.isEmpty() ? EnumSet.allOf(IpFamily.class) : needed;
    boolean created = false;
    for (IpFamily family : wanted) {
      if (pools.stream().noneMatch(p -> p.pool().family() == family)) {
        created |= createDefault(family);
      }
    }
    return created ? repository.allPools() : pools;
  }

  /** Whether an allocate of the family, given {@code pools} just read, would create the family's default pool. */
  boolean wouldCreateDefault(List<PoolRecord> pools, IpFamily family) {
    return onlyDefaults(pools) && pools.stream().noneMatch(p -> p.pool().family() == family);
  }

  private boolean onlyDefaults(List<PoolRecord> pools) {
    return pools.stream().allMatch(p -> isDefault(p.pool()));
  }

  private boolean createDefault(IpFamily family) {
    IPAddress cidr = family == IpFamily.V4 ? settings.defaultIpv4Pool() : settings.defaultIpv6Pool();
    Pool pool = new Pool(cidr, Math.max(family.defaultBlockPrefix(), cidr.getNetworkPrefixLength()), false);
    if (repository.createPoolIfAbsent(new PoolRecord(pool, false))) {
      LOG.log(Level.INFO, "no {0} pool existed: created the default pool {1} (block size /{2})",
          family.displayName(), pool, pool.blockPrefixLength());
    }
    return true;
  }

  private boolean isDefault(Pool pool) {
    return pool.cidr().equals(settings.defaultIpv4Pool()) || pool.cidr().equals(settings.defaultIpv6Pool());
  }

  /**
   * The pools of these CIDRs, in that order.
   *
   * @throws PoolNotFoundException naming the first CIDR that is no pool
   */
  static List<PoolRecord> named(List<PoolRecord> pools, List<IPAddress> cidrs) {
    List<PoolRecord> named = new java.util.ArrayList<>();
    for (IPAddress cidr : cidrs) {
      IPAddress block = cidr.toPrefixBlock();
      named.add(pools.stream().filter(p -> p.pool().cidr().equals(block)).findFirst()
          .orElseThrow(() -> new PoolNotFoundException(block)));
    }
    return named;
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
