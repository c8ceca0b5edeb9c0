package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import org.calicomesos.ports.ipam.*;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** STUB: being written. */
public final class ReleaseAddressesService implements ReleaseAddressesUseCase {
  @Inject
  public ReleaseAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {}

  @Override
  public ReleaseResult release(ReleaseCommand command) {
    throw new UnsupportedOperationException("not yet");
  }
}
