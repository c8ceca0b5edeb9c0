package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.ipam.AddressInUseException;
import org.calicomesos.ports.ipam.AddressOutsidePoolsException;
import org.calicomesos.ports.ipam.BlockAffinityException;
import org.calicomesos.ports.ipam.ContentionException;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;

/**
 * Assigns particular addresses. All or nothing: if one cannot be had, those this call assigned are
 * released again. A missing block is claimed for this host first (as libcalico's assign_ip does).
 * Same write order as {@link AddressAssigner}: handle count up, block write, count down if unused.
 */
final class AddressReserver {
  private final IpamRepository repository;
  private final HandleLedger ledger;
  private final BlockClaimer claimer;
  private final AddressReleaser releaser;

  AddressReserver(IpamRepository repository, HandleLedger ledger, BlockClaimer claimer, AddressReleaser releaser) {
    this.repository = repository;
    this.ledger = ledger;
    this.claimer = claimer;
    this.releaser = releaser;
  }

  void reserve(NodeName node, AllocationAttribute holder, List<IPAddress> addresses, List<PoolRecord> pools) {
    List<Pool> owning = new ArrayList<>();
    for (IPAddress address : addresses) {
      Optional<Pool> pool = PoolDirectory.containing(pools.stream().filter(p -> !p.disabled()).toList(), address);
      owning.add(pool.orElseThrow(() -> new AddressOutsidePoolsException(address)));
    }
    HandleId handle = holder.handle().orElseThrow();
    List<IPAddress> assigned = new ArrayList<>();
    try {
      for (int i = 0; i < addresses.size(); i++) {
        if (reserveOne(node, holder, addresses.get(i), owning.get(i))) {
          assigned.add(addresses.get(i));
        }
      }
    } catch (RuntimeException e) {
      try {
        releaser.release(assigned, Optional.of(handle));
      } catch (RuntimeException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
  }

  /** True when this call assigned the address; false when the handle already held it. */
  private boolean reserveOne(NodeName node, AllocationAttribute holder, IPAddress address, Pool pool) {
    IPAddress cidr = PoolDirectory.blockOf(pool, address);
    Optional<AllocationBlock> existing = repository.block(cidr);
    AllocationBlock block = existing.orElseGet(() -> claimer.claim(node, pool, cidr));
    if (existing.isPresent() && block.affineTo(node)) {
      claimer.confirm(node, cidr); // a claim of ours cut short after its block was created, as allocate finds it
    }
    if (pool.strictAffinity() && !block.affineTo(node)) {
      throw new BlockAffinityException(address, cidr, block.affineHost().map(Object::toString).orElse("(none)"), pool);
    }
    int ordinal = block.ordinalOf(address);
    Optional<AllocationAttribute> current = block.holder(ordinal);
    HandleId handle = holder.handle().orElseThrow();
    if (current.isPresent()) {
      if (current.get().heldBy(handle)) {
        return false;
      }
      throw new AddressInUseException(address);
    }
    ledger.raise(handle, cidr, 1);
    Outcome outcome;
    try {
      outcome = repository.updateBlock(cidr, read -> {
        if (read.isEmpty()) {
          return Step.keep(Outcome.BLOCK_GONE);
        }
        Optional<AllocationAttribute> now = read.get().holder(ordinal);
        if (now.isEmpty()) {
          return Step.put(read.get().assignOrdinal(ordinal, holder), Outcome.ASSIGNED);
        }
        return Step.keep(now.get().heldBy(handle) ? Outcome.ALREADY_HELD : Outcome.HELD_BY_ANOTHER);
      });
    } catch (ContentionException e) {
      ledger.lowerAfterFailure(handle, cidr, 1, e); // nothing landed: take the intent back
      throw e;
    }
    if (outcome != Outcome.ASSIGNED) {
      ledger.lower(handle, cidr, 1);
    }
    switch (outcome) {
      case HELD_BY_ANOTHER:
        throw new AddressInUseException(address);
      case BLOCK_GONE:
        throw new IllegalStateException("block " + cidr.toCanonicalString() + " was deleted while " + address + " was being reserved");
      default:
        return outcome == Outcome.ASSIGNED;
    }
  }

  /** What the block write found. */
  private enum Outcome { ASSIGNED, ALREADY_HELD, HELD_BY_ANOTHER, BLOCK_GONE }
}
