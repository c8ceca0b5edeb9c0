package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.endpoint.CleanupContainerUseCase;
import org.calicomesos.ports.endpoint.CleanupResult;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * net-modules {@code cleanup}: the veth (by the name derived from the container id, so it goes even if no record
 * was written), then the addresses that still carry the container's handle — the agent has already released
 * them by address, and one may since belong to someone else —, then the endpoint record last, so a cleanup cut
 * short is finished by the next one. Everything is idempotent; an unknown container is a success.
 */
public final class CleanupService implements CleanupContainerUseCase {
  private static final System.Logger LOG = System.getLogger(CleanupService.class.getName());

  private final EndpointRepository endpoints;
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final AddressLookup ipam;
  private final ReleaseAddressesUseCase release;
  private final Dataplane dataplane;
  private final EndpointSettings settings;

  @Inject
  public CleanupService(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings,
      ReleaseAddressesUseCase release) {
    this.endpoints = new EndpointRepository(store, keys, settings.node());
    this.store = store;
    this.keys = keys;
    this.ipam = new AddressLookup(store, keys);
    this.release = release;
    this.dataplane = dataplane;
    this.settings = settings;
  }

  @Override
  public CleanupResult cleanup(ContainerId container) {
    // The container's records and this host's claims (for the blackholes, last) in one round trip.
    List<Listing> read = store.listAll(List.of(keys.endpointPrefix(settings.node(), container),
        keys.affinityPrefix(settings.node())));
    List<Entry> records = read.get(0).entries();
    List<Endpoint> found = readable(container, records);
    boolean removed = dataplane.unplumb(new InterfaceName(EndpointId.of(container).hostInterfaceName()));
    List<IPAddress> released = new ArrayList<>();
    for (Endpoint endpoint : found) {
      if (!endpoint.interfaceName().equals(EndpointId.of(container).hostInterfaceName())) {
        removed |= dataplane.unplumb(new InterfaceName(endpoint.interfaceName()));
      }
      if (endpoint.handle().isPresent() && !endpoint.addresses().isEmpty()) {
        released.addAll(release.release(new ReleaseCommand.StillHeldBy(endpoint.addresses(), endpoint.handle().get()))
            .released());
      }
    }
    int deleted = endpoints.deleteAll(records);
    LOG.log(Level.INFO, "cleaned up container {0}: interface {1}, {2} endpoint record(s) deleted, released {3}",
        container, removed ? "removed" : "already gone", deleted, released);
    BlackholeSync.run(ipam, dataplane, read.get(1));
    return new CleanupResult(!found.isEmpty() || deleted > 0, removed, released);
  }

  /** The container's endpoints; an unreadable record is reported and then deleted like any other. */
  private static List<Endpoint> readable(ContainerId container, List<Entry> records) {
    try {
      return EndpointRepository.decodeAll(records);
    } catch (CorruptValueException e) {
      LOG.log(Level.WARNING, "cleanup of {0} cannot read its endpoint record, so frees no addresses by handle: {1}",
          container, e.getMessage());
      return List.of();
    }
  }
}
