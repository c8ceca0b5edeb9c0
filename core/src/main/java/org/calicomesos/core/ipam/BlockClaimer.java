package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.NodeName;

/**
 * Claims blocks for a host in two phases, as Calico does since libcalico-go#778: write the host's
 * affinity as pending, create the block naming the host (create-if-absent, so of two racing hosts
 * exactly one wins), then confirm the affinity. A claim cut short leaves a pending affinity, which
 * counts as no claim; a host that lost the race withdraws its pending affinity.
 */
final class BlockClaimer {
  private static final System.Logger LOG = System.getLogger(BlockClaimer.class.getName());

  private final IpamRepository repository;

  BlockClaimer(IpamRepository repository) {
    this.repository = repository;
  }

  /**
   * Claims the first block of {@code pool}, in this host's walk order, that does not exist yet.
   *
   * @param existing CIDRs of the family's blocks known to exist; claims that lose a race are added
   * @return the new block, or empty when every block of the pool exists
   */
  Optional<AllocationBlock> claimNext(NodeName node, Pool pool, Set<IPAddress> existing) {
    BlockWalk walk = new BlockWalk(pool, node);
    long inPool = existing.stream().filter(pool.cidr()::contains).count();
    Set<IPAddress> tried = new HashSet<>();
    while (walk.hasNext() && walk.blockCount().compareTo(java.math.BigInteger.valueOf(inPool + tried.size())) > 0) {
      IPAddress candidate = walk.next();
      if (existing.contains(candidate)) {
        continue;
      }
      AllocationBlock claimed = claim(node, pool, candidate);
      if (claimed.affineTo(node)) {
        return Optional.of(claimed);
      }
      existing.add(candidate);
      tried.add(candidate);
    }
    return Optional.empty();
  }

  /**
   * Claims one particular block for {@code node}. Returns the block as it now stands: the new block,
   * or the existing one (affine to this node or to another) when it was there already.
   */
  AllocationBlock claim(NodeName node, Pool pool, IPAddress cidr) {
    repository.createAffinityIfAbsent(node, cidr, Affinity.PENDING);
    AllocationBlock fresh = AllocationBlock.empty(cidr, node, pool.strictAffinity());
    AllocationBlock block = repository.createBlockIfAbsent(fresh);
    if (block.affineTo(node)) {
      confirm(node, cidr);
      if (block == fresh) {
        LOG.log(Level.INFO, "host {0} claimed block {1} of pool {2}", node, cidr.toCanonicalString(), pool);
      }
    } else {
      withdraw(node, cidr);
    }
    return block;
  }

  /** Marks the node's claim on a block that names it as confirmed. */
  void confirm(NodeName node, IPAddress cidr) {
    repository.updateAffinity(node, cidr, current -> current.isPresent() && current.get().state() == Affinity.State.CONFIRMED
        ? Step.keep(null) : Step.put(Affinity.CONFIRMED, null));
  }

  /** Removes a pending claim of this node that lost to another host. */
  private void withdraw(NodeName node, IPAddress cidr) {
    repository.updateAffinity(node, cidr, current -> current.isPresent() && current.get().state() == Affinity.State.PENDING
        ? Step.remove(null) : Step.keep(null));
  }
}
