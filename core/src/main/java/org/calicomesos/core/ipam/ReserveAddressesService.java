package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import org.calicomesos.ports.ipam.*;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** STUB: being written. */
public final class ReserveAddressesService implements ReserveAddressesUseCase {
  @Inject
  public ReserveAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {}

  @Override
  public void reserve(ReserveCommand command) {
    throw new UnsupportedOperationException("not yet");
  }
}
