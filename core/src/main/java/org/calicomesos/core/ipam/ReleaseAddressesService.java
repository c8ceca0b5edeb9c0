package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.ipam.ReleaseResult;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** net-modules {@code release} and {@code ipam release}, by handle or by address; idempotent. */
public final class ReleaseAddressesService implements ReleaseAddressesUseCase {
  private static final System.Logger LOG = System.getLogger(ReleaseAddressesService.class.getName());

  private final IpamComponents ipam;

  /** Where no one counts compare-and-swap retries (tests, tools). */
  public ReleaseAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this(store, keys, settings, IpamRetryListener.NONE);
  }

  /** @param retries hears of every compare-and-swap this service loses and retries (the agent's metrics) */
  @Inject
  public ReleaseAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings, IpamRetryListener retries) {
    this.ipam = new IpamComponents(store, keys, settings, retries);
  }

  @Override
  public ReleaseResult release(ReleaseCommand command) {
    ReleaseResult result;
    if (command instanceof ReleaseCommand.ByHandle byHandle) {
      result = ipam.releaser.releaseHandle(byHandle.handle());
      LOG.log(Level.INFO, "released {0} held by uid {1}", result.released(), byHandle.handle());
    } else if (command instanceof ReleaseCommand.StillHeldBy heldBy) {
      result = ipam.releaser.release(heldBy.addresses(), Optional.of(heldBy.handle()));
      LOG.log(Level.INFO, "released {0} still held by uid {1}; no longer held by it: {2}", result.released(),
          heldBy.handle(), result.alreadyFree());
    } else {
      result = ipam.releaser.release(((ReleaseCommand.ByAddresses) command).addresses(), Optional.empty());
      LOG.log(Level.INFO, "released {0}; already free: {1}", result.released(), result.alreadyFree());
    }
    return result;
  }
}
