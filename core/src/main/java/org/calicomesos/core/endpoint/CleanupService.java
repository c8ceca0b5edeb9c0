package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.endpoint.CleanupContainerUseCase;
import org.calicomesos.ports.endpoint.CleanupResult;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * net-modules {@code cleanup}, by {@link EndpointPlumbing#disconnect}: the veth, then the addresses that still carry
 * the container's handle — the agent has already released them by address, and one may since belong to someone
 * else —, then the endpoint record last. Idempotent; an unknown container is a success.
 */
public final class CleanupService implements CleanupContainerUseCase {
  private final EndpointPlumbing plumbing;
  private final ReleaseAddressesUseCase release;

  @Inject
  public CleanupService(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings,
      ReleaseAddressesUseCase release) {
    this.plumbing = new EndpointPlumbing(store, keys, dataplane, settings);
    this.release = release;
  }

  @Override
  public CleanupResult cleanup(ContainerId container) {
    EndpointRemoval removal = plumbing.disconnect(EndpointTarget.ofContainer(container), this::releaseStillHeld);
    return new CleanupResult(removal.endpointFound(), removal.interfaceRemoved(), removal.released());
  }

  private List<IPAddress> releaseStillHeld(List<Endpoint> found) {
    List<IPAddress> released = new ArrayList<>();
    for (Endpoint endpoint : found) {
      if (endpoint.handle().isPresent() && !endpoint.addresses().isEmpty()) {
        released.addAll(release.release(new ReleaseCommand.StillHeldBy(endpoint.addresses(), endpoint.handle().get()))
            .released());
      }
    }
    return released;
  }
}
