package org.calicomesos.ports.ipam;

import java.util.List;

/** {@code ipam show}: pools with usage, and the blocks (optionally only one host's). */
public record IpamOverview(List<PoolUsage> pools, List<BlockUsage> blocks) {
  public IpamOverview {
    pools = List.copyOf(pools);
    blocks = List.copyOf(blocks);
  }
}
