package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.calicomesos.core.ipam.AddressHolding;
import org.calicomesos.core.ipam.AddressLookup;
import org.calicomesos.core.ipam.IpamChecker;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.ipam.CheckIpamUseCase;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.IpamProblem;
import org.calicomesos.ports.ipam.IpamProblem.Kind;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * {@code ipam check} with endpoints: the IPAM's own checks, then every endpoint (of every host) whose addresses
 * are not held by its handle, then {@code cali*} interfaces on this host that no endpoint of this host names.
 * Read-only.
 */
public final class EndpointConsistencyCheck implements CheckIpamUseCase {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final IpamChecker ipamChecker;
  private final AddressLookup ipam;
  private final Dataplane dataplane;
  private final EndpointSettings settings;

  @Inject
  public EndpointConsistencyCheck(KeyValueStore store, DatastoreKeys keys, IpamSettings ipamSettings,
      Dataplane dataplane, EndpointSettings settings) {
    this.store = store;
    this.keys = keys;
    this.ipamChecker = new IpamChecker(store, keys, ipamSettings);
    this.ipam = new AddressLookup(store, keys);
    this.dataplane = dataplane;
    this.settings = settings;
  }

  @Override
  public IpamCheckReport check() {
    IpamCheckReport report = ipamChecker.check();
    List<IpamProblem> problems = new ArrayList<>();
    Set<String> localInterfaces = new HashSet<>();
    for (Entry entry : store.list(keys.hostRoot()).entries()) {
      var key = keys.parseEndpoint(entry.key());
      if (key.isEmpty()) {
        continue;
      }
      Endpoint endpoint;
      try {
        endpoint = EndpointCodec.ENDPOINT.decode(entry);
      } catch (CorruptValueException e) {
        problems.add(new IpamProblem(Kind.ENDPOINT_MISMATCH, entry.key(), e.getMessage()));
        continue;
      }
      if (key.get().node().equals(settings.node())) {
        localInterfaces.add(endpoint.interfaceName());
      }
      checkAddresses(endpoint, problems);
    }
    checkInterfaces(localInterfaces, problems);
    return report.plus(problems);
  }

  private void checkAddresses(Endpoint endpoint, List<IpamProblem> problems) {
    for (AddressHolding holding : ipam.holdings(endpoint.addresses())) {
      IPAddress address = holding.address();
      String subject = address.toCanonicalString();
      if (!holding.allocated()) {
        problems.add(new IpamProblem(Kind.ENDPOINT_MISMATCH, subject,
            "container " + endpoint.container() + " uses it, but it is not allocated"));
      } else if (endpoint.handle().isPresent() && !holding.handle().equals(endpoint.handle())) {
        problems.add(new IpamProblem(Kind.ENDPOINT_MISMATCH, subject, "container " + endpoint.container()
            + " uses it under uid " + endpoint.handle().get() + ", but it is held by "
            + holding.handle().map(HandleId::value).map(uid -> "uid " + uid).orElse("no uid")));
      }
    }
  }

  private void checkInterfaces(Set<String> named, List<IpamProblem> problems) {
    try {
      for (InterfaceName name : dataplane.interfacesStartingWith(VethPlanner.HOST_INTERFACE_PREFIX)) {
        if (!named.contains(name.value())) {
          problems.add(new IpamProblem(Kind.ORPHAN_INTERFACE, name.value(),
              "no endpoint of node " + settings.node() + " names it: left by an isolate that did not finish, or another program's"));
        }
      }
    } catch (DataplaneException e) {
      problems.add(new IpamProblem(Kind.ORPHAN_INTERFACE, "(this host)", "cannot list its interfaces: " + e.getMessage()));
    }
  }
}
