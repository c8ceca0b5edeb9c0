package org.calicomesos.core.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** Reads this host's endpoint records, for the services that look before they act (CNI's ADD, CHECK and GC). */
public final class HostEndpoints {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final NodeName node;

  public HostEndpoints(KeyValueStore store, DatastoreKeys keys, NodeName node) {
    this.store = store;
    this.keys = keys;
    this.node = node;
  }

  /**
   * The target's record on this host, if there is one.
   *
   * @throws org.calicomesos.ports.kv.CorruptValueException when it cannot be read
   */
  public Optional<Endpoint> of(EndpointTarget target) {
    return store.get(keys.endpoint(node, target.container(), target.id())).map(EndpointCodec.ENDPOINT::decode);
  }

  /**
   * The records of the target's container on this host (the target's own and its siblings').
   *
   * @throws org.calicomesos.ports.kv.CorruptValueException when one cannot be read
   */
  public List<Endpoint> ofContainer(EndpointTarget target) {
    return EndpointRepository.decodeAll(store.list(keys.endpointPrefix(node, target.container())).entries());
  }

  /** Every record on this host that can be read; one that cannot is logged and passed over. */
  public List<Endpoint> readable() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Entry entry : store.list(keys.workloadPrefix(node)).entries()) {
      EndpointRecords.read(entry).ifPresent(endpoints::add);
    }
    return endpoints;
  }
}
