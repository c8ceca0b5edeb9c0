package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import org.calicomesos.ports.ipam.*;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** STUB: being written. */
public final class IpamChecker implements CheckIpamUseCase {
  @Inject
  public IpamChecker(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {}

  @Override
  public IpamCheckReport check() {
    throw new UnsupportedOperationException("not yet");
  }
}
