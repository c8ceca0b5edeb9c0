package org.calicomesos.core.attachment;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.HostEndpoints;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.CollectAttachmentsUseCase;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.core.ipam.HandleAudit;
import org.calicomesos.core.ipam.HandleHoldings;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * CNI {@code GC}: every endpoint record on this node that is an attachment of {@code network} and not among the
 * runtime's valid ones is detached as a {@code DEL} would; then every handle of {@code network} whose addresses this
 * node assigned, that no valid attachment and no record names, is released: an ADD cut short before its record, or
 * the IPAM plugin's attachments (which have no record). Other nodes' records and addresses, other networks' and
 * net-modules' are never touched. The runtime's list is authoritative: there is no grace.
 */
public final class CollectAttachmentsService implements CollectAttachmentsUseCase {
  private static final System.Logger LOG = System.getLogger(CollectAttachmentsService.class.getName());

  private final HostEndpoints endpoints;
  private final DetachContainerUseCase detach;
  private final ReleaseAddressesUseCase release;
  private final HandleAudit audit;
  private final NodeName node;

  @Inject
  public CollectAttachmentsService(KeyValueStore store, DatastoreKeys keys, EndpointSettings settings,
      DetachContainerUseCase detach, ReleaseAddressesUseCase release) {
    this.endpoints = new HostEndpoints(store, keys, settings.node());
    this.detach = detach;
    this.release = release;
    this.audit = new HandleAudit(store, keys);
    this.node = settings.node();
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
    releaseUnrecorded(network, valid);
    return collected;
  }

  private void releaseUnrecorded(NetworkName network, Set<AttachmentId> valid) {
    Set<HandleId> kept = new HashSet<>();
    valid.forEach(attachment -> kept.add(attachment.handle()));
    endpoints.readable().forEach(endpoint -> endpoint.handle().ifPresent(kept::add));
    for (HandleHoldings holdings : audit.read(node).handles().values()) {
      HandleId handle = holdings.handle();
      if (handle.isAttachmentOf(network) && holdings.heldOnlyBy(node) && !kept.contains(handle)) {
        List<IPAddress> freed = release.release(new ReleaseCommand.ByHandle(handle)).released();
        LOG.log(Level.INFO, "GC of network {0} released {1}, held by {2}, which the runtime no longer knows",
            network, freed, handle);
      }
    }
  }
}
