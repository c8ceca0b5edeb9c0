package org.calicomesos.core.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.core.profile.ProfileWriter;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * What an isolate reads before it changes anything — the container's endpoint records, the pools, and the
 * records of each profile it names — in one {@link KeyValueStore#listAll} round trip instead of one each.
 */
record IsolateReads(List<Endpoint> existing, Listing pools, Map<ProfileName, Listing> profiles) {

  static IsolateReads read(KeyValueStore store, DatastoreKeys keys, NodeName node, ContainerId container,
      List<ProfileName> profileNames, ProfileWriter profileWriter) {
    List<String> prefixes = new ArrayList<>();
    prefixes.add(keys.endpointPrefix(node, container));
    prefixes.add(keys.poolRoot());
    profileNames.forEach(name -> prefixes.add(profileWriter.recordsPrefix(name)));
    List<Listing> listings = store.listAll(prefixes);
    Map<ProfileName, Listing> profiles = new LinkedHashMap<>();
    for (int i = 0; i < profileNames.size(); i++) {
      profiles.put(profileNames.get(i), listings.get(2 + i));
    }
    return new IsolateReads(EndpointRepository.decodeAll(listings.get(0).entries()), listings.get(1), profiles);
  }
}
