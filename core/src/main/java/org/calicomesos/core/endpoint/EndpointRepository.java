package org.calicomesos.core.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/** Endpoint records of one host, under {@code /calico/v1/host/<node>/workload/mesos/}. */
final class EndpointRepository {
  /** The stored text as is: deleting a record must not depend on being able to read it. */
  private static final Codec<String> RAW = Codec.STORED_TEXT;

  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final NodeName node;
  private final CasLoop cas;

  EndpointRepository(KeyValueStore store, DatastoreKeys keys, NodeName node) {
    this.store = store;
    this.keys = keys;
    this.node = node;
    this.cas = new CasLoop(store);
  }

  /** Every endpoint on this host. */
  List<Endpoint> onThisHost() {
    return decodeAll(store.list(keys.workloadPrefix(node)).entries());
  }

  /** Writes the endpoint, replacing whatever record of that id is there. */
  void save(Endpoint endpoint) {
    String value = EndpointCodec.ENDPOINT.encode(endpoint);
    // isolate saves after finding no record of the container (or one whose interface is gone): create blind.
    cas.updateLikelyAbsent(keys.endpoint(node, endpoint.container(), endpoint.id()), RAW, current -> Step.put(value, null));
  }

  /**
   * Deletes these records of one container (listed under {@link DatastoreKeys#endpointPrefix}), readable or not (a corrupt record must not make cleanup
   * impossible), each from the entry listed (one changed since is read again); returns how many were there.
   */
  int deleteAll(List<Entry> records) {
    int deleted = 0;
    for (Entry entry : records) {
      boolean gone = cas.update(entry.key(), Optional.of(entry), RAW,
          current -> current.isPresent() ? Step.remove(true) : Step.keep(false));
      deleted += gone ? 1 : 0;
    }
    return deleted;
  }

  static List<Endpoint> decodeAll(List<Entry> entries) {
    List<Endpoint> endpoints = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      endpoints.add(EndpointCodec.ENDPOINT.decode(entry));
    }
    return endpoints;
  }
}
