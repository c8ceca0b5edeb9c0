package org.calicomesos.core.gc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.endpoint.EndpointRecords;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * This host's endpoint records as the collector reads them. A record it cannot read still names its interface and
 * its endpoint id (by its key), but not its handle: while one is unreadable, no allocation counts as unused.
 */
record HostRecords(List<Endpoint> endpoints, Set<String> interfaces, Set<EndpointId> ids, boolean allReadable) {
  HostRecords {
    endpoints = List.copyOf(endpoints);
    interfaces = Set.copyOf(interfaces);
    ids = Set.copyOf(ids);
  }

  static HostRecords read(KeyValueStore store, DatastoreKeys keys, NodeName node) {
    List<Endpoint> endpoints = new ArrayList<>();
    Set<String> interfaces = new HashSet<>();
    Set<EndpointId> ids = new HashSet<>();
    boolean allReadable = true;
    for (Entry entry : store.list(keys.workloadPrefix(node)).entries()) {
      Optional<DatastoreKeys.EndpointKey> key = keys.parseEndpoint(entry.key());
      if (key.isEmpty()) {
        continue;
      }
      interfaces.add(key.get().endpoint().hostInterfaceName());
      ids.add(key.get().endpoint());
      Optional<Endpoint> endpoint = EndpointRecords.read(entry);
      endpoint.ifPresent(e -> {
        endpoints.add(e);
        interfaces.add(e.interfaceName());
      });
      allReadable &= endpoint.isPresent();
    }
    return new HostRecords(endpoints, interfaces, ids, allReadable);
  }

  /** Whether a record names {@code handle}; with an unreadable record, any handle may be named. */
  boolean mayUse(HandleId handle) {
    return !allReadable || endpoints.stream().anyMatch(e -> e.handle().filter(handle::equals).isPresent());
  }

  /** Whether a record of this host, readable or not, is the endpoint {@code id}. */
  boolean names(EndpointId id) {
    return ids.contains(id);
  }

  Optional<Endpoint> endpoint(Endpoint like) {
    return endpoints.stream().filter(e -> e.id().equals(like.id()) && e.container().equals(like.container())).findFirst();
  }
}
