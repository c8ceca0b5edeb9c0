package org.calicomesos.core.ipam;

import org.calicomesos.ports.ipam.IpamRetryListener;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/** The IPAM's internal collaborators over one store, built the same way for every use case. */
final class IpamComponents {
  final IpamRepository repository;
  final HandleLedger ledger;
  final BlockClaimer claimer;
  final AddressReleaser releaser;
  final AddressAssigner assigner;
  final AddressReserver reserver;
  final PoolDirectory pools;

  /** @param retries hears of every lost compare-and-swap (the request path's services); else {@code NONE} */
  IpamComponents(KeyValueStore store, DatastoreKeys keys, IpamSettings settings, IpamRetryListener retries) {
    repository = new IpamRepository(store, keys, retries);
    ledger = new HandleLedger(repository);
    claimer = new BlockClaimer(repository);
    releaser = new AddressReleaser(repository, ledger);
    assigner = new AddressAssigner(repository, ledger, claimer, releaser);
    reserver = new AddressReserver(repository, ledger, claimer, releaser);
    pools = new PoolDirectory(repository, settings);
  }
}
