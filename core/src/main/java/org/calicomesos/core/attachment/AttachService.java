package org.calicomesos.core.attachment;

import inet.ipaddr.IPAddress;
import inet.ipaddr.MACAddressString;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointConnection;
import org.calicomesos.core.endpoint.EndpointPlumbing;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.EndpointTarget;
import org.calicomesos.core.endpoint.HostEndpoints;
import org.calicomesos.core.endpoint.VethPlanner;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.portmap.PortClaim;
import org.calicomesos.core.portmap.PortClaims;
import org.calicomesos.ports.attachment.AddressRequest;
import org.calicomesos.ports.attachment.AttachCommand;
import org.calicomesos.ports.attachment.AttachContainerUseCase;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.ipam.AllocatedAddresses;
import org.calicomesos.ports.ipam.AssignAddressesCommand;
import org.calicomesos.ports.ipam.AssignAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * CNI {@code ADD}: the host ports of its port mappings claimed (before anything else, so that a port taken by
 * another container refuses the ADD with nothing written), the attachment's addresses (static ones reserved, the
 * rest from its pools, each recorded with this node and the agent's hostname), then {@link EndpointPlumbing#connect}
 * with the attachment's interface name. A complete attachment is returned as it is; what an ADD cut short left is
 * given back first; a failure once the addresses are taken detaches again, so a refused ADD holds nothing.
 */
public final class AttachService implements AttachContainerUseCase {
  private static final System.Logger LOG = System.getLogger(AttachService.class.getName());

  private final EndpointPlumbing plumbing;
  private final HostEndpoints endpoints;
  private final AddressLookup ipam;
  private final Dataplane dataplane;
  private final AssignAddressesUseCase assign;
  private final ReleaseAddressesUseCase release;
  private final DetachContainerUseCase detach;
  private final PortClaims claims;

  @Inject
  public AttachService(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, EndpointSettings settings,
      AssignAddressesUseCase assign, ReleaseAddressesUseCase release, DetachContainerUseCase detach) {
    this.plumbing = new EndpointPlumbing(store, keys, dataplane, settings);
    this.endpoints = new HostEndpoints(store, keys, settings.node());
    this.ipam = new AddressLookup(store, keys);
    this.dataplane = dataplane;
    this.assign = assign;
    this.release = release;
    this.detach = detach;
    this.claims = new PortClaims(store, keys, settings.node());
  }

  @Override
  public Attachment attach(AttachCommand command) {
    AttachmentId id = command.id();
    EndpointTarget target = EndpointTarget.ofAttachment(id);
    Optional<Attachment> complete = complete(target, command.namespace(), command);
    if (complete.isPresent()) {
      LOG.log(Level.INFO, "attachment {0} is already complete on {1}; nothing to do", id, target.hostInterface());
      plumbing.ensureBlackholes(ipam.holdings(complete.get().addresses()));
      return complete.get();
    }
    PortClaim owner = new PortClaim(id.container(), target.id());
    // Without mappings no claim is read: most ADDs map nothing and pay no round trip for it. A claim an earlier ADD
    // of this attachment made and this one no longer asks for then stays until its DEL.
    List<Entry> claimed = command.portMappings().isEmpty() ? List.of() : claims.claim(owner, command.portMappings());
    List<IPAddress> addresses;
    try {
      List<IPAddress> leftOver = release.release(new ReleaseCommand.ByHandle(id.handle())).released();
      if (!leftOver.isEmpty()) {
        LOG.log(Level.WARNING, "released {0}, left held by an ADD of {1} that did not finish", leftOver, id);
      }
      addresses = assign(command);
    } catch (RuntimeException e) {
      claims.release(owner, claimed, e);
      throw e;
    }
    try {
      EndpointConnection connection = plumbing.connect(target, command.namespace(), addresses, command.netgroups(),
          command.labels(), command.portMappings());
      return attachment(id, connection.plan(), connection.plumbed().containerMac().toColonDelimitedString());
    } catch (RuntimeException e) {
      undo(id, e);
      throw e;
    }
  }

  /**
   * The attachment as it is, when it is complete: its record there with the port mappings asked for, its addresses
   * still held by its handle, its host interface there.
   */
  private Optional<Attachment> complete(EndpointTarget target, NetworkNamespace namespace, AttachCommand command) {
    List<Endpoint> records;
    try {
      records = endpoints.ofContainer(target);
    } catch (CorruptValueException e) {
      return Optional.empty(); // rewritten by the connect below
    }
    Optional<Endpoint> record = records.stream().filter(target::owns).findFirst();
    if (record.isEmpty() || !record.get().attachment().equals(target.attachment())
        || !Set.copyOf(record.get().portMappings()).equals(Set.copyOf(command.portMappings()))) {
      return Optional.empty();
    }
    Optional<HostInterface> hostInterface = dataplane.inspect(target.hostInterface());
    List<IPAddress> addresses = record.get().addresses();
    if (hostInterface.isEmpty() || !heldBy(target, addresses)) {
      return Optional.empty();
    }
    boolean routed = records.size() == 1; // as connect planned it, unless a sibling has gone since
    VethPlan plan = VethPlanner.plan(target.hostInterface(), namespace, target.containerInterface(), addresses,
        hostInterface.get().mtu(), routed);
    return Optional.of(attachment(target.attachment().orElseThrow(), plan, record.get().mac()));
  }

  private boolean heldBy(EndpointTarget target, List<IPAddress> addresses) {
    Optional<HandleId> handle = target.attachment().map(AttachmentId::handle);
    return !addresses.isEmpty() && ipam.holdings(addresses).stream()
        .allMatch(holding -> holding.allocated() && holding.handle().equals(handle));
  }

  /** Static addresses reserved, then the counts from the pools; IPv4 first. */
  private List<IPAddress> assign(AttachCommand command) {
    AddressRequest request = command.addresses();
    AllocatedAddresses assigned = assign.assign(new AssignAddressesCommand.Allocate(command.node(),
        command.id().handle(), command.hostname(), request.ipv4Count(), request.ipv6Count(),
        request.staticAddresses(), request.pools(), command.netgroups(), command.labels()));
    List<IPAddress> addresses = new ArrayList<>(assigned.ipv4());
    addresses.addAll(assigned.ipv6());
    addresses.sort(Comparator.comparing(IPAddress::isIPv6)); // stable: each family keeps its order
    return addresses;
  }

  private static Attachment attachment(AttachmentId id, VethPlan plan, String containerMac) {
    return new Attachment(id, plan.hostInterface(), VethPlanner.HOST_MAC,
        new MACAddressString(containerMac).getAddress(), plan.mtu(), plan.containerAddresses(),
        plan.containerRoutes());
  }

  /** As a DEL would: the interface if one was made, every address the handle holds, any record, its port claims. */
  private void undo(AttachmentId id, RuntimeException cause) {
    try {
      detach.detach(id);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
      LOG.log(Level.WARNING, "could not undo the failed ADD of {0}: {1}", id, e.getMessage());
    }
  }
}
