package org.calicomesos.core.attachment;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.HostEndpoints;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.CollectAttachmentsUseCase;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * CNI {@code GC}: every endpoint record on this node that is an attachment of {@code network} and not among the
 * runtime's valid ones is detached as a {@code DEL} would. Other nodes' records, other networks' and net-modules
 * endpoints (no attachment) are never touched. An interface whose ADD died before its record is not seen here.
 */
public final class CollectAttachmentsService implements CollectAttachmentsUseCase {
  private static final System.Logger LOG = System.getLogger(CollectAttachmentsService.class.getName());

  private final HostEndpoints endpoints;
  private final DetachContainerUseCase detach;

  @Inject
  public CollectAttachmentsService(KeyValueStore store, DatastoreKeys keys, EndpointSettings settings,
      DetachContainerUseCase detach) {
    this.endpoints = new HostEndpoints(store, keys, settings.node());
    this.detach = detach;
  }

  @Override
  public List<AttachmentId> collect(NetworkName network, Set<AttachmentId> valid) {
    List<AttachmentId> collected = new ArrayList<>();
    for (Endpoint endpoint : endpoints.readable()) {
      endpoint.attachment()
          .filter(attachment -> attachment.network().equals(network) && !valid.contains(attachment))
          .ifPresent(attachment -> {
            detach.detach(attachment);
            collected.add(attachment);
          });
    }
    LOG.log(Level.INFO, "collected {0} attachment(s) of network {1} the runtime no longer knows: {2}",
        collected.size(), network, collected);
    return collected;
  }
}
