package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.ipam.ContentionException;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolExhaustedException;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;

/**
 * Assigns a count of addresses of one family, Calico's way: from the host's own blocks first, then
 * from blocks it newly claims, then (unless the pool has strict affinity) borrowed from other hosts'
 * blocks. All or nothing: what this call assigned is released again if it cannot finish.
 *
 * <p>Write order per block: raise the handle's count, then write the block, then lower the count by
 * what the block could not supply. A crash anywhere leaves at worst a count too high (a leak), never
 * an address held twice: only the block write assigns, and it is a compare-and-swap.
 */
final class AddressAssigner {
  private final IpamRepository repository;
  private final HandleLedger ledger;
  private final BlockClaimer claimer;
  private final AddressReleaser releaser;

  AddressAssigner(IpamRepository repository, HandleLedger ledger, BlockClaimer claimer, AddressReleaser releaser) {
    this.repository = repository;
    this.ledger = ledger;
    this.claimer = claimer;
    this.releaser = releaser;
  }

  /**
   * Assigns {@code count} addresses of the family: from the node's own blocks ({@code claims}, the node's claims
   * as just read, either family), then newly claimed ones, then borrowed.
   */
  List<IPAddress> assign(NodeName node, AllocationAttribute holder, IpFamily family, int count, List<Pool> pools,
      Map<IPAddress, Affinity> claims) {
    HandleId handle = holder.handle().orElseThrow();
    List<IPAddress> assigned = new ArrayList<>();
    try {
      fromOwnBlocks(node, holder, family, count, pools, claims, assigned);
      Set<IPAddress> existing = null;
      while (assigned.size() < count) {
        if (existing == null) {
          existing = new java.util.HashSet<>(repository.blocks(family).keySet());
        }
        Optional<AllocationBlock> claimed = claimNext(node, pools, existing);
        if (claimed.isEmpty()) {
          break;
        }
        existing.add(claimed.get().cidr());
        Optional<BlockRead> read = repository.readBlock(claimed.get().cidr());
        if (read.isPresent()) {
          assigned.addAll(fromBlock(read.get(), count - assigned.size(), holder, b -> b.affineTo(node)));
        }
      }
      if (assigned.size() < count) {
        borrow(node, holder, family, count, pools, assigned);
      }
      if (assigned.size() < count) {
        throw exhausted(node, family, count, assigned.size(), pools);
      }
      return assigned;
    } catch (RuntimeException e) {
      rollBack(handle, assigned, e);
      throw e;
    }
  }

  private void fromOwnBlocks(NodeName node, AllocationAttribute holder, IpFamily family, int count, List<Pool> pools,
      Map<IPAddress, Affinity> claims, List<IPAddress> assigned) {
    for (Map.Entry<IPAddress, Affinity> claim : claims.entrySet()) {
      IPAddress cidr = claim.getKey();
      if (assigned.size() >= count) {
        return;
      }
      if (IpFamily.of(cidr) == family && pools.stream().anyMatch(p -> p.cidr().contains(cidr))) {
        Optional<BlockRead> read = repository.readBlock(cidr);
        if (read.isPresent() && read.get().block().affineTo(node)) {
          if (claim.getValue().state() == Affinity.State.PENDING) {
            claimer.confirm(node, cidr); // a claim cut short after its block was created
          }
          assigned.addAll(fromBlock(read.get(), count - assigned.size(), holder, b -> b.affineTo(node)));
        }
      }
    }
  }

  private Optional<AllocationBlock> claimNext(NodeName node, List<Pool> pools, Set<IPAddress> existing) {
    for (Pool pool : pools) {
      Optional<AllocationBlock> claimed = claimer.claimNext(node, pool, existing);
      if (claimed.isPresent()) {
        return claimed;
      }
    }
    return Optional.empty();
  }

  private void borrow(NodeName node, AllocationAttribute holder, IpFamily family, int count, List<Pool> pools,
      List<IPAddress> assigned) {
    for (BlockRead read : repository.readBlocks(family).values()) {
      AllocationBlock block = read.block();
      boolean borrowable = pools.stream().anyMatch(p -> !p.strictAffinity() && p.cidr().contains(block.cidr()));
      if (assigned.size() < count && borrowable && block.free() > 0) {
        assigned.addAll(fromBlock(read, count - assigned.size(), holder, b -> true));
      }
    }
  }

  /**
   * Takes up to {@code wanted} addresses from the block (as last read), re-checking {@code stillUsable}
   * on every fresh read inside the compare-and-swap.
   */
  private List<IPAddress> fromBlock(BlockRead blockRead, int wanted, AllocationAttribute holder,
      Predicate<AllocationBlock> stillUsable) {
    AllocationBlock read = blockRead.block();
    int expected = Math.min(wanted, read.free());
    if (expected == 0) {
      return List.of();
    }
    HandleId handle = holder.handle().orElseThrow();
    ledger.raise(handle, read.cidr(), expected);
    List<IPAddress> got;
    try {
      got = repository.updateBlock(blockRead, current -> {
        if (current.isEmpty() || !stillUsable.test(current.get()) || current.get().free() == 0) {
          return Step.keep(List.of());
        }
        AllocationBlock.Assignment assignment = current.get().assign(expected, holder);
        return Step.put(assignment.block(), assignment.addresses());
      });
    } catch (ContentionException e) {
      ledger.lowerAfterFailure(handle, read.cidr(), expected, e); // nothing landed: take the intent back
      throw e;
    }
    ledger.lower(handle, read.cidr(), expected - got.size());
    return got;
  }

  private void rollBack(HandleId handle, List<IPAddress> assigned, RuntimeException cause) {
    if (assigned.isEmpty()) {
      return;
    }
    try {
      releaser.release(assigned, Optional.of(handle));
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static PoolExhaustedException exhausted(NodeName node, IpFamily family, int requested, int found, List<Pool> pools) {
    if (pools.isEmpty()) {
      return new PoolExhaustedException("no " + family.displayName() + " pool is configured; add one with 'calico-mesos pool add'");
    }
    String names = String.join(", ", pools.stream().map(Pool::toString).toList());
    String subject = (pools.size() == 1 ? "pool " : "pools ") + names;
    if (pools.stream().allMatch(Pool::strictAffinity)) {
      return new PoolExhaustedException(subject + " cannot supply " + requested + " " + family.displayName()
          + " address" + (requested == 1 ? "" : "es") + " to host " + node + ": its blocks are full and strict affinity"
          + " forbids borrowing from other hosts' blocks (" + found + " found)");
    }
    return new PoolExhaustedException(subject + " " + (pools.size() == 1 ? "has" : "have") + " too few free "
        + family.displayName() + " addresses: " + requested + " requested, " + found + " free");
  }
}
