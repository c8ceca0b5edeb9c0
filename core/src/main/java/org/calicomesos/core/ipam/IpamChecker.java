package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.ipam.CheckIpamUseCase;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.IpamProblem;
import org.calicomesos.ports.ipam.IpamProblem.Kind;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** {@code ipam check}, after {@code calicoctl ipam check} and libcalico-go's validateBlock; read-only. */
public final class IpamChecker implements CheckIpamUseCase {
  private final IpamComponents ipam;

  @Inject
  public IpamChecker(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this.ipam = new IpamComponents(store, keys, settings, IpamRetryListener.NONE); // admin commands: no one counts
  }

  @Override
  public IpamCheckReport check() {
    List<PoolRecord> pools = ipam.repository.allPools();
    List<AllocationBlock> blocks = new ArrayList<>(ipam.repository.blocks(IpFamily.V4).values());
    blocks.addAll(ipam.repository.blocks(IpFamily.V6).values());
    List<Handle> handles = ipam.repository.allHandles();
    Map<NodeName, Map<IPAddress, Affinity>> affinities = ipam.repository.allAffinities();

    List<IpamProblem> problems = new ArrayList<>();
    long allocated = 0;
    Map<IPAddress, IPAddress> owner = new HashMap<>();
    for (AllocationBlock block : blocks) {
      allocated += block.allocated();
      checkBookkeeping(block, problems);
      checkInPool(block, pools, problems);
      for (int ordinal = 0; ordinal < block.size(); ordinal++) {
        if (block.holder(ordinal).isPresent()) {
          IPAddress address = block.addressAt(ordinal);
          IPAddress first = owner.putIfAbsent(address, block.cidr());
          if (first != null) {
            problems.add(new IpamProblem(Kind.DUPLICATE_ADDRESS, address.toCanonicalString(),
                "assigned in both block " + first.toCanonicalString() + " and block " + block.cidr().toCanonicalString()));
          }
        }
      }
    }
    checkHandles(blocks, handles, problems);
    checkAffinities(blocks, affinities, problems);
    return new IpamCheckReport(pools.size(), blocks.size(), handles.size(), allocated, problems);
  }

  private static void checkBookkeeping(AllocationBlock block, List<IpamProblem> problems) {
    String subject = "block " + block.cidr().toCanonicalString();
    Set<Integer> free = new HashSet<>();
    for (int ordinal : block.unallocated()) {
      if (ordinal < 0 || ordinal >= block.size()) {
        problems.add(new IpamProblem(Kind.INVALID_BLOCK, subject, "free list names ordinal " + ordinal + ", outside the block"));
      } else if (!free.add(ordinal)) {
        problems.add(new IpamProblem(Kind.INVALID_BLOCK, subject, "free list names ordinal " + ordinal + " twice"));
      } else if (block.allocations().get(ordinal) != null) {
        problems.add(new IpamProblem(Kind.INVALID_BLOCK, subject, "ordinal " + ordinal + " is both assigned and free"));
      }
    }
    Set<Integer> referenced = new HashSet<>();
    int assigned = 0;
    for (Integer index : block.allocations()) {
      if (index != null) {
        assigned++;
        referenced.add(index);
        if (index < 0 || index >= block.attributes().size()) {
          problems.add(new IpamProblem(Kind.INVALID_BLOCK, subject, "an address points at missing attribute " + index));
        }
      }
    }
    if (assigned + free.size() != block.size()) {
      problems.add(new IpamProblem(Kind.INVALID_BLOCK, subject,
          assigned + " assigned and " + free.size() + " free do not add up to its " + block.size() + " addresses"));
    }
    if (referenced.size() != block.attributes().size()) {
      problems.add(new IpamProblem(Kind.INVALID_BLOCK, subject, "holds attributes no address refers to"));
    }
  }

  private static void checkInPool(AllocationBlock block, List<PoolRecord> pools, List<IpamProblem> problems) {
    if (pools.stream().noneMatch(p -> p.pool().cidr().contains(block.cidr()))) {
      problems.add(new IpamProblem(Kind.OUTSIDE_POOLS, "block " + block.cidr().toCanonicalString(),
          "lies in no pool and holds " + block.allocated() + " assigned address" + (block.allocated() == 1 ? "" : "es")));
    }
  }

  private static void checkHandles(List<AllocationBlock> blocks, List<Handle> handles, List<IpamProblem> problems) {
    Map<HandleId, Map<IPAddress, Integer>> actual = new LinkedHashMap<>();
    for (AllocationBlock block : blocks) {
      for (int ordinal = 0; ordinal < block.size(); ordinal++) {
        block.holder(ordinal).flatMap(AllocationAttribute::handle).ifPresent(h ->
            actual.computeIfAbsent(h, x -> new LinkedHashMap<>()).merge(block.cidr(), 1, Integer::sum));
      }
    }
    Map<HandleId, Handle> recorded = new HashMap<>();
    handles.forEach(h -> recorded.put(h.id(), h));
    Set<HandleId> all = new HashSet<>(actual.keySet());
    all.addAll(recorded.keySet());
    for (HandleId id : all) {
      Map<IPAddress, Integer> truth = actual.getOrDefault(id, Map.of());
      Map<IPAddress, Integer> counted = Optional.ofNullable(recorded.get(id)).map(Handle::blocks).orElse(Map.of());
      Set<IPAddress> blocksNamed = new HashSet<>(truth.keySet());
      blocksNamed.addAll(counted.keySet());
      for (IPAddress block : blocksNamed) {
        int held = truth.getOrDefault(block, 0);
        int count = counted.getOrDefault(block, 0);
        if (held != count) {
          problems.add(new IpamProblem(Kind.HANDLE_MISMATCH, "uid " + id,
              "counts " + count + " address" + (count == 1 ? "" : "es") + " in block " + block.toCanonicalString()
                  + " but holds " + held + " there" + (recorded.containsKey(id) ? "" : " (no handle record)")));
        }
      }
      if (recorded.containsKey(id) && counted.isEmpty()) {
        problems.add(new IpamProblem(Kind.HANDLE_MISMATCH, "uid " + id, "handle record holds no block"));
      }
    }
  }

  private static void checkAffinities(List<AllocationBlock> blocks, Map<NodeName, Map<IPAddress, Affinity>> affinities,
      List<IpamProblem> problems) {
    Map<IPAddress, AllocationBlock> byCidr = new HashMap<>();
    blocks.forEach(b -> byCidr.put(b.cidr(), b));
    for (AllocationBlock block : blocks) {
      Optional<NodeName> host = block.affineHost();
      if (host.isPresent()) {
        Affinity claim = affinities.getOrDefault(host.get(), Map.of()).get(block.cidr());
        if (claim == null) {
          problems.add(new IpamProblem(Kind.AFFINITY_MISMATCH, "block " + block.cidr().toCanonicalString(),
              "names host " + host.get() + ", which has no affinity record for it"));
        } else if (claim.state() != Affinity.State.CONFIRMED) {
          problems.add(new IpamProblem(Kind.AFFINITY_MISMATCH, "block " + block.cidr().toCanonicalString(),
              "claim by host " + host.get() + " was never confirmed"));
        }
      }
    }
    affinities.forEach((node, claims) -> claims.forEach((cidr, claim) -> {
      AllocationBlock block = byCidr.get(cidr);
      if (block == null) {
        problems.add(new IpamProblem(Kind.AFFINITY_MISMATCH, "block " + cidr.toCanonicalString(),
            "host " + node + " has a " + claim.state().name().toLowerCase() + " affinity for it, but the block does not exist"));
      } else if (!block.affineTo(node)) {
        problems.add(new IpamProblem(Kind.AFFINITY_MISMATCH, "block " + cidr.toCanonicalString(),
            "host " + node + " has an affinity for it, but the block names " + block.affinity().orElse("no host")));
      }
    }));
  }
}
