package org.calicomesos.core.ipam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.calicomesos.ports.ipam.PoolUsage;

/** Counts each pool's blocks and assigned addresses from one read of the blocks. */
final class PoolUsageTally {
  private PoolUsageTally() {}

  static List<PoolUsage> tally(List<PoolRecord> pools, Collection<AllocationBlock> blocks) {
    List<PoolUsage> usage = new ArrayList<>();
    for (PoolRecord record : pools) {
      long allocated = 0;
      int count = 0;
      for (AllocationBlock block : blocks) {
        if (record.pool().cidr().contains(block.cidr())) {
          count++;
          allocated += block.allocated();
        }
      }
      usage.add(new PoolUsage(record.pool(), record.pool().cidr().getCount(), allocated, count));
    }
    return usage;
  }
}
