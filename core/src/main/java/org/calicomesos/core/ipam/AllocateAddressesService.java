package org.calicomesos.core.ipam;

import jakarta.inject.Inject;
import org.calicomesos.ports.ipam.*;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** STUB: being written. */
public final class AllocateAddressesService implements AllocateAddressesUseCase {
  @Inject
  public AllocateAddressesService(KeyValueStore store, DatastoreKeys keys, IpamSettings settings) {}

  @Override
  public AllocatedAddresses allocate(AllocateCommand command) {
    throw new UnsupportedOperationException("not yet");
  }
}
