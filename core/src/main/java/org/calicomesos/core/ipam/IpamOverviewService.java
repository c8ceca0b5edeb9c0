package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import org.calicomesos.ports.ipam.*;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** STUB: being written. */
public final class IpamOverviewService implements ShowIpamUseCase {
  @Inject
  public IpamOverviewService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {}

  @Override
  public IpamOverview show(java.util.Optional<org.calicomesos.ports.model.NodeName> host) {
    throw new UnsupportedOperationException("not yet");
  }
}
