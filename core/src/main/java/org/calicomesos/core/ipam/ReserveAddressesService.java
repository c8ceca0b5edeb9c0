package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calicomesos.ports.ipam.ReserveAddressesUseCase;
import org.calicomesos.ports.ipam.ReserveCommand;
import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.schema.DatastoreKeys;

/** net-modules {@code reserve}: exactly the named addresses, all or none. */
public final class ReserveAddressesService implements ReserveAddressesUseCase {
  private static final System.Logger LOG = System.getLogger(ReserveAddressesService.class.getName());

  private final IpamComponents ipam;

  /** Where no one counts compare-and-swap retries (tests, tools). */
  public ReserveAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this(store, keys, settings, IpamRetryListener.NONE);
  }

  /** @param retries hears of every compare-and-swap this service loses and retries (the agent's metrics) */
  @Inject
  public ReserveAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings, IpamRetryListener retries) {
    this.ipam = new IpamComponents(store, keys, settings, retries);
  }

  @Override
  public void reserve(ReserveCommand command) {
    AllocationAttribute holder = new AllocationAttribute(Optional.of(command.handle()), command.attributes());
    ipam.reserver.reserve(command.node(), holder, command.addresses(), ipam.pools.poolsCreatingDefaults(
        command.addresses().stream().map(IpFamily::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(IpFamily.class)))));
    LOG.log(Level.INFO, "reserved {0} for uid {1} on host {2}", command.addresses(), command.handle(), command.node());
  }
}
