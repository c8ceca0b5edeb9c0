package org.calicomesos.core.attachment;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.calicomesos.core.ipam.AllocationRoom;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.attachment.NetworkNotReadyException;
import org.calicomesos.ports.attachment.NetworkReadinessUseCase;
import org.calicomesos.ports.ipam.PoolNotFoundException;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * CNI {@code STATUS}: one read of the pools and blocks ({@link AllocationRoom}), nothing written — not even the
 * default pools, which the first ADD creates. An unreachable datastore is its {@code DatastoreUnavailableException}.
 */
public final class NetworkReadinessService implements NetworkReadinessUseCase {
  private final AllocationRoom room;

  @Inject
  public NetworkReadinessService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {
    this.room = new AllocationRoom(store, keys, settings);
  }

  @Override
  public void ready(boolean ipv4, boolean ipv6, List<IPAddress> pools) {
    Set<IpFamily> families = EnumSet.noneOf(IpFamily.class);
    if (ipv4) {
      families.add(IpFamily.V4);
    }
    if (ipv6) {
      families.add(IpFamily.V6);
    }
    Set<IpFamily> without;
    try {
      without = room.familiesWithoutRoom(families, pools);
    } catch (PoolNotFoundException e) {
      throw new NetworkNotReadyException(e.getMessage() + ", yet the network names it; add it with 'calico-mesos "
          + "pool add' or take it out of the network's configuration");
    }
    if (!without.isEmpty()) {
      IpFamily family = without.iterator().next(); // IPv4 first
      throw new NetworkNotReadyException((pools.isEmpty() ? "no pool" : "none of the pools "
          + pools.stream().map(IPAddress::toCanonicalString).toList()) + " has a free " + family.displayName()
          + " address");
    }
  }
}
