package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Whether an allocate of each family could find a free address now, from one round trip (the pools and every
 * block); writes nothing. It counts addresses, not who may take them: a strict-affinity pool whose free addresses
 * are all in other hosts' blocks still counts as having room, and the allocate then says why not.
 */
public final class AllocationRoom {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final IpamRepository repository;
  private final PoolDirectory directory;

  public AllocationRoom(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this.store = store;
    this.keys = keys;
    this.repository = new IpamRepository(store, keys, IpamRetryListener.NONE); // reads only
    this.directory = new PoolDirectory(repository, settings);
  }

  /**
   * The families of {@code families} that no usable pool has room for.
   *
   * @param pools the pools an allocate may use (CIDRs; empty: any usable one)
   * @throws org.calicomesos.ports.ipam.PoolNotFoundException naming the first of {@code pools} that is no pool
   */
  public Set<IpFamily> familiesWithoutRoom(Set<IpFamily> families, List<IPAddress> pools) {
    List<Listing> read = store.listAll(List.of(keys.poolRoot(), keys.blockPrefix(IpFamily.V4),
        keys.blockPrefix(IpFamily.V6)));
    List<PoolRecord> all = repository.pools(read.get(0));
    List<AllocationBlock> blocks = new ArrayList<>(repository.blocks(read.get(1)));
    blocks.addAll(repository.blocks(read.get(2)));
    List<PoolRecord> allowed = pools.isEmpty() ? all : PoolDirectory.named(all, pools);
    Set<IpFamily> without = EnumSet.noneOf(IpFamily.class);
    for (IpFamily family : families) {
      List<PoolRecord> usable = allowed.stream()
          .filter(p -> !p.disabled() && p.pool().family() == family).toList();
      // With no pool of its own yet, the family gets its default pool on the first allocate.
      boolean defaultComing = pools.isEmpty() && directory.wouldCreateDefault(all, family);
      if (!defaultComing && PoolUsageTally.tally(usable, blocks).stream().noneMatch(AllocationRoom::hasFree)) {
        without.add(family);
      }
    }
    return without;
  }

  private static boolean hasFree(PoolUsage usage) {
    return usage.capacity().compareTo(BigInteger.valueOf(usage.allocated())) > 0;
  }
}
