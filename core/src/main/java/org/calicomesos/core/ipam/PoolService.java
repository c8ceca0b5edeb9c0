package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.ipam.AddPoolCommand;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolInUseException;
import org.calicomesos.ports.ipam.PoolNotFoundException;
import org.calicomesos.ports.ipam.PoolOverlapException;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** {@code pool add|list|remove|encapsulation|nat-outgoing}. */
public final class PoolService implements ManagePoolsUseCase {
  private static final System.Logger LOG = System.getLogger(PoolService.class.getName());

  private final IpamComponents ipam;

  @Inject
  public PoolService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this.ipam = new IpamComponents(store, keys, settings, IpamRetryListener.NONE); // admin commands: no one counts
  }

  @Override
  public Pool add(AddPoolCommand command) {
    IPAddress cidr = command.cidr();
    Pool pool = new Pool(cidr, command.blockPrefixLength().orElse(IpFamily.of(cidr).defaultBlockPrefix()),
        command.strictAffinity(), command.encapsulation(), command.natOutgoing());
    for (PoolRecord existing : ipam.repository.allPools()) {
      if (existing.pool().cidr().overlaps(cidr)) {
        throw new PoolOverlapException(cidr, existing.pool());
      }
    }
    // Two admins adding overlapping pools at the same moment can both pass the check above;
    // create-if-absent only stops the same CIDR twice. Admin changes are rare and 'ipam check' sees it.
    if (!ipam.repository.createPoolIfAbsent(new PoolRecord(pool, false))) {
      throw new PoolOverlapException(cidr, pool);
    }
    LOG.log(Level.INFO, "added pool {0} with block size /{1}, strict affinity {2}, encapsulation {3}, NAT outgoing {4}",
        pool, pool.blockPrefixLength(), pool.strictAffinity(), pool.encapsulation().setting(),
        pool.natOutgoing() ? "on" : "off");
    return pool;
  }

  @Override
  public List<PoolUsage> list() {
    List<AllocationBlock> blocks = new ArrayList<>(ipam.repository.blocks(IpFamily.V4).values());
    blocks.addAll(ipam.repository.blocks(IpFamily.V6).values());
    return PoolUsageTally.tally(ipam.repository.allPools(), blocks);
  }

  @Override
  public List<Pool> pools() {
    return ipam.repository.allPools().stream().map(PoolRecord::pool).toList();
  }

  @Override
  public Pool setEncapsulation(IPAddress cidr, Encapsulation encapsulation) {
    Pool after = change(cidr, pool -> pool.withEncapsulation(encapsulation));
    LOG.log(Level.INFO, "pool {0}: encapsulation {1}", after, encapsulation.setting());
    return after;
  }

  @Override
  public Pool setNatOutgoing(IPAddress cidr, boolean on) {
    Pool after = change(cidr, pool -> pool.withNatOutgoing(on));
    LOG.log(Level.INFO, "pool {0}: NAT outgoing {1}", after, on ? "on" : "off");
    return after;
  }

  /** One setting of the pool changed by compare-and-swap, its disabled mark kept; an unchanged pool is not written. */
  private Pool change(IPAddress cidr, UnaryOperator<Pool> setting) {
    return ipam.repository.updatePool(cidr, current -> {
      PoolRecord record = current.orElseThrow(() -> new PoolNotFoundException(cidr));
      Pool changed = setting.apply(record.pool());
      return changed.equals(record.pool()) ? Step.keep(changed) : Step.put(new PoolRecord(changed, record.disabled()), changed);
    });
  }

  /**
   * Disables the pool first so no new address is assigned from it, then deletes its blocks (each at
   * the revision seen empty, so a block that gained an address meanwhile stops the removal), their
   * affinities, and the pool. If any address is in use the pool is enabled again and nothing is lost.
   */
  @Override
  public void remove(IPAddress cidr) {
    Pool pool = setDisabled(cidr, true);
    try {
      for (AllocationBlock block : ipam.repository.blocks(pool.family()).values()) {
        if (pool.cidr().contains(block.cidr())) {
          deleteEmptyBlock(pool, block.cidr());
        }
      }
    } catch (PoolInUseException e) {
      setDisabled(cidr, false);
      throw e;
    }
    for (Map.Entry<NodeName, Map<IPAddress, Affinity>> host : ipam.repository.allAffinities().entrySet()) {
      for (IPAddress block : host.getValue().keySet()) {
        if (pool.cidr().contains(block)) {
          ipam.repository.updateAffinity(host.getKey(), block, a -> Step.remove(null));
        }
      }
    }
    ipam.repository.updatePool(cidr, current -> Step.remove(null));
    LOG.log(Level.INFO, "removed pool {0}", pool);
  }

  private Pool setDisabled(IPAddress cidr, boolean disabled) {
    return ipam.repository.updatePool(cidr, current -> {
      PoolRecord record = current.orElseThrow(() -> new PoolNotFoundException(cidr));
      return Step.put(new PoolRecord(record.pool(), disabled), record.pool());
    });
  }

  private void deleteEmptyBlock(Pool pool, IPAddress block) {
    ipam.repository.updateBlock(block, current -> {
      if (current.isEmpty()) {
        return Step.keep(null);
      }
      if (current.get().allocated() > 0) {
        throw new PoolInUseException(pool, allocatedIn(pool));
      }
      return Step.remove(null);
    });
  }

  private long allocatedIn(Pool pool) {
    return ipam.repository.blocks(pool.family()).values().stream()
        .filter(b -> pool.cidr().contains(b.cidr())).mapToLong(AllocationBlock::allocated).sum();
  }

}
