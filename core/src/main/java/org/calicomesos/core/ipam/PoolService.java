package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.List;
import org.calicomesos.ports.ipam.*;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** STUB: being written. */
public final class PoolService implements ManagePoolsUseCase {
  @Inject
  public PoolService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {}

  @Override
  public Pool add(AddPoolCommand command) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public List<PoolUsage> list() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void remove(IPAddress cidr) {
    throw new UnsupportedOperationException("not yet");
  }
}
