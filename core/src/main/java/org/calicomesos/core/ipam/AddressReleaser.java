package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.ReleaseResult;
import org.calicomesos.ports.model.HandleId;

/**
 * Frees addresses. Write order: the block first, then the handle counts, so a crash in between
 * leaves a count too high (a leak that {@code ipam check} reports), never a held address that
 * release by handle cannot find. Freeing an address that is already free is not an error.
 */
final class AddressReleaser {
  private final IpamRepository repository;
  private final HandleLedger ledger;

  AddressReleaser(IpamRepository repository, HandleLedger ledger) {
    this.repository = repository;
    this.ledger = ledger;
  }

  /**
   * Frees each address, whoever holds it, or only where {@code onlyHeldBy} still holds it (so a
   * rollback or a cleanup never frees an address that has since gone to someone else).
   */
  ReleaseResult release(List<IPAddress> addresses, Optional<HandleId> onlyHeldBy) {
    if (onlyHeldBy.isPresent() && repository.handle(onlyHeldBy.get()).isEmpty()) {
      // A handle's record counts every address it holds (raised before the block write that assigns one,
      // lowered after the one that frees it) and goes only when it holds nothing: no record, nothing to free.
      // A cleanup after the release finds it so, with one read instead of the pools and each block.
      return new ReleaseResult(List.of(), List.copyOf(addresses));
    }
    PoolsAndBlocks read = repository.poolsAndLikelyBlocks(addresses);
    List<PoolRecord> pools = read.pools();
    Map<IPAddress, List<IPAddress>> byBlock = new LinkedHashMap<>();
    List<IPAddress> released = new ArrayList<>();
    List<IPAddress> alreadyFree = new ArrayList<>();
    for (IPAddress address : addresses) {
      Optional<Pool> pool = PoolDirectory.containing(pools, address);
      if (pool.isEmpty()) {
        alreadyFree.add(address); // outside every pool: nothing we manage holds it
      } else {
        byBlock.computeIfAbsent(PoolDirectory.blockOf(pool.get(), address), b -> new ArrayList<>()).add(address);
      }
    }
    byBlock.forEach((block, inBlock) -> {
      Freed freed = freeInBlock(block, read.blocks(), inBlock, onlyHeldBy);
      freed.perHandle().forEach((handle, count) -> ledger.lower(handle, block, count));
      released.addAll(freed.addresses());
      inBlock.stream().filter(a -> !freed.addresses().contains(a)).forEach(alreadyFree::add);
    });
    return new ReleaseResult(released, alreadyFree);
  }

  /** Frees everything the handle holds, in every block its record names. */
  ReleaseResult releaseHandle(HandleId id) {
    Optional<Handle> handle = repository.handle(id);
    List<IPAddress> released = new ArrayList<>();
    if (handle.isEmpty()) {
      return new ReleaseResult(released, List.of());
    }
    handle.get().blocks().forEach((block, recorded) -> {
      List<IPAddress> freed = repository.updateBlock(block, current -> {
        if (current.isEmpty()) {
          return Step.keep(List.of());
        }
        AllocationBlock b = current.get();
        List<Integer> ordinals = b.ordinalsHeldBy(id);
        return ordinals.isEmpty()
            ? Step.keep(List.of())
            : Step.put(b.release(new HashSet<>(ordinals)), ordinals.stream().map(b::addressAt).toList());
      });
      released.addAll(freed);
      // No ordinal of this handle is left in the block, so its recorded count (as read) goes entirely.
      ledger.lower(id, block, recorded);
    });
    return new ReleaseResult(released, List.of());
  }

  /** @param ahead blocks read with the pools: one of them is not read again */
  private Freed freeInBlock(IPAddress block, BlocksReadAhead ahead, List<IPAddress> addresses,
      Optional<HandleId> onlyHeldBy) {
    Optional<BlockRead> readAhead = ahead.block(block);
    if (ahead.has(block) && readAhead.isEmpty()) {
      return Freed.NONE; // no such block: nothing in it is held
    }
    Function<Optional<AllocationBlock>, Step<AllocationBlock, Freed>> free = current -> {
      if (current.isEmpty()) {
        return Step.keep(Freed.NONE);
      }
      AllocationBlock b = current.get();
      Set<Integer> ordinals = new HashSet<>();
      Map<HandleId, Integer> perHandle = new LinkedHashMap<>();
      List<IPAddress> freed = new ArrayList<>();
      for (IPAddress address : addresses) {
        int ordinal = b.ordinalOf(address);
        Optional<AllocationAttribute> holder = b.holder(ordinal);
        if (holder.isEmpty() || (onlyHeldBy.isPresent() && !holder.get().heldBy(onlyHeldBy.get()))) {
          continue;
        }
        ordinals.add(ordinal);
        freed.add(address);
        holder.get().handle().ifPresent(h -> perHandle.merge(h, 1, Integer::sum));
      }
      return ordinals.isEmpty() ? Step.keep(Freed.NONE) : Step.put(b.release(ordinals), new Freed(freed, perHandle));
    };
    return readAhead.isPresent() ? repository.updateBlock(readAhead.get(), free) : repository.updateBlock(block, free);
  }

  /** What one block write freed, and how many of those each handle held. */
  private record Freed(List<IPAddress> addresses, Map<HandleId, Integer> perHandle) {
    static final Freed NONE = new Freed(List.of(), Map.of());
  }
}
