package org.calicomesos.core.attachment;

import jakarta.inject.Inject;
import org.calicomesos.core.endpoint.EndpointPlumbing;
import org.calicomesos.core.endpoint.EndpointRemoval;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.EndpointTarget;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.attachment.DetachResult;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * CNI {@code DEL}, by {@link EndpointPlumbing#disconnect}: the host interface by its derived name (no namespace
 * needed), everything the attachment's handle holds — the handle names this attachment alone, so no one else's
 * address goes —, then the endpoint record last. Idempotent; an unknown attachment is a success.
 */
public final class DetachService implements DetachContainerUseCase {
  private final EndpointPlumbing plumbing;
  private final ReleaseAddressesUseCase release;

  @Inject
  public DetachService(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings,
      ReleaseAddressesUseCase release) {
    this.plumbing = new EndpointPlumbing(store, keys, dataplane, settings);
    this.release = release;
  }

  @Override
  public DetachResult detach(AttachmentId id) {
    // By handle, not by the record's addresses: an ADD cut short before its record holds addresses all the same.
    EndpointRemoval removal = plumbing.disconnect(EndpointTarget.ofAttachment(id),
        found -> release.release(new ReleaseCommand.ByHandle(id.handle())).released());
    return new DetachResult(removal.endpointFound(), removal.interfaceRemoved(), removal.released());
  }
}
