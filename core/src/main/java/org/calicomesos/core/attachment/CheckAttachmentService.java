package org.calicomesos.core.attachment;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointSettings;
import org.calicomesos.core.endpoint.EndpointTarget;
import org.calicomesos.core.endpoint.HostEndpoints;
import org.calicomesos.core.endpoint.VethPlanner;
import org.calicomesos.core.ipam.AddressHolding;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.ports.attachment.AttachmentCheckException;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.attachment.CheckAttachmentUseCase;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.HostInterface;
import org.calicomesos.ports.dataplane.NamespaceNotFoundException;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.dataplane.VethPlan;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.policy.EndpointEnforcement;
import org.calicomesos.ports.policy.PolicyDataplane;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * CNI {@code CHECK}, read-only: the endpoint record of this attachment, its addresses still held by its handle and
 * those the runtime expects; the host interface up with a route to each address; the container's interface in its
 * namespace, up, holding each address, and — when its plan routes the container through it (the container's only
 * attachment) — with the gateway and default routes (all or none: {@link ContainerSideCheck}); and, when an agent
 * enforces policy on this host, the endpoint named by that policy. The first difference fails it, as one clause.
 */
public final class CheckAttachmentService implements CheckAttachmentUseCase {
  private final HostEndpoints endpoints;
  private final AddressLookup ipam;
  private final Dataplane dataplane;
  private final PolicyDataplane policy;
  private final EndpointSettings settings;

  @Inject
  public CheckAttachmentService(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, PolicyDataplane policy,
      EndpointSettings settings) {
    this.endpoints = new HostEndpoints(store, keys, settings.node());
    this.ipam = new AddressLookup(store, keys);
    this.dataplane = dataplane;
    this.policy = policy;
    this.settings = settings;
  }

  @Override
  public void check(AttachmentId id, NetworkNamespace namespace, List<IPAddress> expected) {
    EndpointTarget target = EndpointTarget.ofAttachment(id);
    Endpoint endpoint = record(id, target);
    for (AddressHolding holding : ipam.holdings(endpoint.addresses())) {
      if (!holding.allocated() || !holding.handle().equals(Optional.of(id.handle()))) {
        throw new AttachmentCheckException(id, "address " + holding.address() + " is no longer held by its handle "
            + id.handle() + (holding.allocated() ? " but by " + holding.handle().map(HandleId::value).orElse("no handle") : ""));
      }
    }
    HostInterface host = dataplane.inspect(target.hostInterface())
        .orElseThrow(() -> new AttachmentCheckException(id, "host interface " + target.hostInterface() + " is missing"));
    if (!host.up()) {
      throw new AttachmentCheckException(id, "host interface " + host.name() + " is down");
    }
    Set<IPAddress> routed = new HashSet<>();
    host.routes().stream().filter(route -> route.getNetworkPrefixLength() == route.getBitCount())
        .forEach(route -> routed.add(route.withoutPrefixLength()));
    for (IPAddress address : endpoint.addresses()) {
      if (!routed.contains(address)) {
        throw new AttachmentCheckException(id, "host interface " + host.name() + " has no route to " + address);
      }
    }
    checkContainerSide(id, target, namespace, endpoint, host.mtu());
    if (policy.enforces(target.hostInterface()) == EndpointEnforcement.ABSENT) {
      throw new AttachmentCheckException(id, "the policy the agent enforces on this host does not name host interface "
          + target.hostInterface() + " yet");
    }
    if (!expected.isEmpty() && !plain(expected).equals(new HashSet<>(endpoint.addresses()))) {
      throw new AttachmentCheckException(id, "it has addresses " + endpoint.addresses() + ", not the "
          + expected.stream().map(IPAddress::withoutPrefixLength).toList() + " of the runtime's previous result");
    }
  }

  /** Inside the namespace, against the plan ADD would make for this attachment now. */
  private void checkContainerSide(AttachmentId id, EndpointTarget target, NetworkNamespace namespace,
      Endpoint endpoint, int mtu) {
    Optional<ContainerInterface> seen;
    try {
      seen = dataplane.inspectContainer(namespace, target.containerInterface());
    } catch (NamespaceNotFoundException e) {
      throw new AttachmentCheckException(id, e.getMessage());
    }
    VethPlan plan = VethPlanner.plan(target.hostInterface(), namespace, target.containerInterface(),
        endpoint.addresses(), mtu, routedThrough(target));
    ContainerSideCheck.difference(target.containerInterface().value(), namespace.describe(), seen,
        endpoint.addresses(), plan.containerRoutes()).ifPresent(difference -> {
          throw new AttachmentCheckException(id, difference);
        });
  }

  /**
   * Whether the container's routes go through this attachment: as ADD decided it, when it is the container's only
   * attachment. A record that cannot be read leaves it unknown: not demanded.
   */
  private boolean routedThrough(EndpointTarget target) {
    try {
      return endpoints.ofContainer(target).size() == 1;
    } catch (CorruptValueException e) {
      return false;
    }
  }

  private Endpoint record(AttachmentId id, EndpointTarget target) {
    Optional<Endpoint> endpoint;
    try {
      endpoint = endpoints.of(target);
    } catch (CorruptValueException e) {
      throw new AttachmentCheckException(id, "its endpoint record on node " + settings.node() + " cannot be read: "
          + e.getMessage());
    }
    if (endpoint.isEmpty()) {
      throw new AttachmentCheckException(id, "it has no endpoint record on node " + settings.node());
    }
    if (!endpoint.get().attachment().equals(Optional.of(id))) {
      throw new AttachmentCheckException(id, "its endpoint record on node " + settings.node() + " names "
          + endpoint.get().attachment().map(other -> "attachment " + other).orElse("no attachment"));
    }
    return endpoint.get();
  }

  private static Set<IPAddress> plain(List<IPAddress> addresses) {
    Set<IPAddress> plain = new HashSet<>();
    addresses.forEach(address -> plain.add(address.withoutPrefixLength()));
    return plain;
  }
}
