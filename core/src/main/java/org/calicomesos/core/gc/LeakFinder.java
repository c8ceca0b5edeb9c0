package org.calicomesos.core.gc;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.ipam.HandleAudit;
import org.calicomesos.core.ipam.HandleCensus;
import org.calicomesos.core.ipam.HandleHoldings;
import org.calicomesos.core.portmap.PortClaim;
import org.calicomesos.core.portmap.PortClaims;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.ports.schema.DatastoreKeys.PortClaimKey;

/**
 * Finds this host's leak candidates; changes nothing. What is alive: an endpoint while its interface exists (the
 * interface's other end is in the container's network namespace, and the kernel deletes both when that namespace
 * goes: a killed container, a reboot); an interface while a record names it; a uid's addresses while an endpoint
 * uses them; a host port claim while the endpoint record it names exists. CNI attachments' addresses are not judged here: their runtime's {@code GC} names the live ones, and the
 * IPAM plugin's addresses have no endpoint record at all.
 */
final class LeakFinder {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final Dataplane dataplane;
  private final HandleAudit audit;
  private final NodeName node;

  LeakFinder(KeyValueStore store, DatastoreKeys keys, Dataplane dataplane, NodeName node) {
    this.store = store;
    this.keys = keys;
    this.dataplane = dataplane;
    this.audit = new HandleAudit(store, keys);
    this.node = node;
  }

  HostRecords records() {
    return HostRecords.read(store, keys, node);
  }

  /** Our interfaces on this host, by name. */
  Set<String> interfaces() {
    return dataplane.interfacesStartingWith("cali").stream()
        .map(InterfaceName::value)
        .filter(EndpointId::isHostInterfaceName)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Endpoints whose interface is gone, and interfaces no record names. */
  List<Suspect> plumbing() {
    // Interfaces first: an isolate between the two reads then shows as a record with its interface, never as an
    // interface-less record.
    Set<String> interfaces = interfaces();
    HostRecords records = records();
    List<Suspect> suspects = new ArrayList<>();
    for (Endpoint endpoint : records.endpoints()) {
      if (!interfaces.contains(endpoint.interfaceName())) {
        suspects.add(new Suspect.DeadEndpoint(endpoint));
      }
    }
    interfaces.stream().sorted()
        .filter(name -> !records.interfaces().contains(name))
        .forEach(name -> suspects.add(new Suspect.OrphanInterface(new InterfaceName(name))));
    return suspects;
  }

  HandleCensus census() {
    return audit.read(node);
  }

  /** Net-modules uids holding this host's addresses for no endpoint, and over-counting handle records. */
  List<Suspect> handles() {
    HandleCensus census = census();
    HostRecords records = records();
    List<Suspect> suspects = new ArrayList<>();
    for (HandleHoldings holdings : census.handles().values()) {
      if (pending(holdings, records)) {
        suspects.add(new Suspect.PendingAllocation(holdings));
      }
      stale(holdings, census).ifPresent(suspects::add);
    }
    return suspects;
  }

  /**
   * Host port claims of this host that no endpoint record holds (or that cannot be read). Claims first: an ADD
   * between the two reads then shows as a claim with its record, never as a claim without one.
   */
  List<Suspect> portClaims() {
    List<Entry> claims = store.list(keys.portClaimPrefix(node)).entries();
    HostRecords records = records();
    List<Suspect> suspects = new ArrayList<>();
    for (Entry claim : claims) {
      keys.parsePortClaim(node, claim.key()).ifPresent(port -> stale(port, claim, records).ifPresent(suspects::add));
    }
    return suspects;
  }

  static Optional<Suspect> stale(PortClaimKey port, Entry claim, HostRecords records) {
    Optional<PortClaim> holder = PortClaims.holder(claim);
    return holder.filter(h -> records.names(h.endpoint())).isPresent()
        ? Optional.empty()
        : Optional.of(new Suspect.StalePortClaim(port, claim, holder));
  }

  boolean pending(HandleHoldings holdings, HostRecords records) {
    return !holdings.handle().isAttachment() && holdings.heldOnlyBy(node) && !records.mayUse(holdings.handle());
  }

  static Optional<Suspect> stale(HandleHoldings holdings, HandleCensus census) {
    if (holdings.record().isEmpty()) {
      return Optional.empty();
    }
    Set<IPAddress> over = holdings.overCountedIn(census.blocksOfNode());
    return over.isEmpty() && !holdings.emptyRecord()
        ? Optional.empty()
        : Optional.of(new Suspect.StaleHandleCount(holdings, over));
  }
}
