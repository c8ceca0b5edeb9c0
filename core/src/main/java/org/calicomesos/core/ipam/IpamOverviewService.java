package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.ipam.BlockUsage;
import org.calicomesos.ports.ipam.IpamOverview;
import org.calicomesos.ports.ipam.ShowIpamUseCase;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** {@code ipam show}: pools with usage and every block (or one host's blocks). */
public final class IpamOverviewService implements ShowIpamUseCase {
  private final IpamComponents ipam;

  @Inject
  public IpamOverviewService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this.ipam = new IpamComponents(store, keys, settings, IpamRetryListener.NONE); // admin commands: no one counts
  }

  @Override
  public IpamOverview show(Optional<NodeName> host) {
    List<AllocationBlock> blocks = new ArrayList<>(ipam.repository.blocks(IpFamily.V4).values());
    blocks.addAll(ipam.repository.blocks(IpFamily.V6).values());
    List<BlockUsage> shown = blocks.stream()
        .filter(b -> host.isEmpty() || b.affineTo(host.get()))
        .map(b -> new BlockUsage(b.cidr(), b.affineHost(), b.size(), b.allocated()))
        .toList();
    return new IpamOverview(PoolUsageTally.tally(ipam.repository.allPools(), blocks), shown);
  }
}
