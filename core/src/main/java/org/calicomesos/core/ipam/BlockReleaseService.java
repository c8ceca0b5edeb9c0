package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.ipam.BlockInUseException;
import org.calicomesos.ports.ipam.BlockRelease;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.ipam.ReleaseBlockUseCase;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * {@code ipam release-block}: deletes an empty block, then every host's claim on it, each with a compare-and-swap.
 *
 * <p>Order: the block first, and only while it holds no address (a lost compare re-reads it, so an address
 * assigned meanwhile refuses the release). A crash before the claims are gone leaves a claim on a missing block:
 * its host's next allocation re-creates the block under that claim (as after any claim cut short), and running
 * the command again removes it. Each claim is removed only while the block is still absent, so a host that
 * re-created it meanwhile keeps it.
 */
public final class BlockReleaseService implements ReleaseBlockUseCase {
  private static final System.Logger LOG = System.getLogger(BlockReleaseService.class.getName());

  private final IpamRepository repository;
  private final KeyValueStore store;
  private final DatastoreKeys keys;

  @Inject
  public BlockReleaseService(KeyValueStore store, DatastoreKeys keys) {
    this.repository = new IpamRepository(store, keys, IpamRetryListener.NONE); // admin command: no one counts
    this.store = store;
    this.keys = keys;
  }

  @Override
  public BlockRelease releaseBlock(IPAddress block) {
    boolean blockRemoved = repository.updateBlock(block, current -> {
      if (current.isEmpty()) {
        return Step.keep(false);
      }
      if (current.get().allocated() > 0) {
        throw new BlockInUseException(block, current.get().allocated());
      }
      return Step.remove(true);
    });
    List<NodeName> claimsRemoved = new ArrayList<>();
    for (NodeName host : claimants(block)) {
      if (repository.block(block).isPresent()) {
        LOG.log(Level.WARNING, "block {0} was claimed again while it was released; its claims stay", block);
        break;
      }
      if (repository.updateAffinity(host, block, claim -> claim.isPresent() ? Step.remove(true) : Step.keep(false))) {
        claimsRemoved.add(host);
      }
    }
    LOG.log(Level.INFO, "released block {0}: block record {1}, claims removed: {2}", block.toCanonicalString(),
        blockRemoved ? "deleted" : "already gone", claimsRemoved);
    return new BlockRelease(block, blockRemoved, claimsRemoved);
  }

  /** Every host with a claim on the block, confirmed or pending. */
  private List<NodeName> claimants(IPAddress block) {
    List<NodeName> hosts = new ArrayList<>();
    for (Entry entry : store.list(keys.affinityRoot()).entries()) {
      keys.parseAffinity(entry.key()).filter(key -> key.blockCidr().equals(block)).ifPresent(key -> hosts.add(key.node()));
    }
    return hosts;
  }
}
