package org.calicomesos.core.endpoint;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.calicomesos.ports.endpoint.EndpointDetails;
import org.calicomesos.ports.endpoint.EndpointNotFoundException;
import org.calicomesos.ports.endpoint.ListEndpointsUseCase;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.ports.schema.DatastoreKeys.EndpointKey;

/**
 * {@code endpoint list|show}: reads endpoint records of every host (or one), one listing each, and decodes
 * each on its own, so a record this version cannot read shows up as unreadable instead of hiding the rest.
 */
public final class ListEndpointsService implements ListEndpointsUseCase {
  private static final Comparator<WorkloadEndpoint> KEY_ORDER =
      Comparator.comparing((WorkloadEndpoint e) -> e.node().value())
          .thenComparing(e -> e.container().value())
          .thenComparing(e -> e.id().value());

  private final KeyValueStore store;
  private final DatastoreKeys keys;

  @Inject
  public ListEndpointsService(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  @Override
  public List<WorkloadEndpoint> list(Optional<NodeName> host) {
    return read(host.map(keys::workloadPrefix).orElse(keys.hostRoot()), key -> true);
  }

  @Override
  public List<WorkloadEndpoint> ofContainer(ContainerId container, Optional<NodeName> host) {
    // Without a host the container's node is unknown, so every host's records are read and filtered.
    String prefix = host.map(node -> keys.endpointPrefix(node, container)).orElse(keys.hostRoot());
    List<WorkloadEndpoint> found = read(prefix, key -> key.container().equals(container));
    if (found.isEmpty()) {
      throw new EndpointNotFoundException(container, host);
    }
    return found;
  }

  private List<WorkloadEndpoint> read(String prefix, Predicate<EndpointKey> wanted) {
    List<WorkloadEndpoint> endpoints = new ArrayList<>();
    for (Entry entry : store.list(prefix).entries()) {
      keys.parseEndpoint(entry.key()).filter(wanted).ifPresent(key ->
          endpoints.add(new WorkloadEndpoint(key.node(), key.container(), key.endpoint(), details(entry))));
    }
    endpoints.sort(KEY_ORDER);
    return endpoints;
  }

  // A key whose node, container or endpoint id our schema refuses was not written by us and cannot be named
  // in a result; it is passed over, as the agent's policy model does.

  private static Readout<EndpointDetails> details(Entry entry) {
    // The state is read only from a record the endpoint codec could read, so it is valid JSON by then.
    return EndpointCodec.ENDPOINT.readout(entry).map(e -> new EndpointDetails(e.interfaceName(), e.mac(), e.ipv4Nets(),
        e.ipv6Nets(), e.profiles(), e.labels(), e.handle(), EndpointCodec.STATE.decode(entry), e.portMappings()));
  }
}
