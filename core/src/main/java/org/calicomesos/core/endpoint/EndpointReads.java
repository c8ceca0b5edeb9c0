package org.calicomesos.core.endpoint;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.core.ipam.BlocksReadAhead;
import org.calicomesos.core.profile.ProfileWriter;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * What connecting an endpoint reads before it changes anything — the target's endpoint records, the pools, the
 * records of each profile it names, and the blocks its addresses are most likely in ({@link BlocksReadAhead}) — in
 * one {@link KeyValueStore#listAll} round trip instead of one each.
 */
record EndpointReads(List<Endpoint> existing, List<Endpoint> siblings, Listing pools,
    Map<ProfileName, Listing> profiles, BlocksReadAhead blocks) {

  /**
   * {@code existing}: the target's records; {@code siblings}: the container's other endpoints on this host (its
   * other CNI attachments), read with them.
   */
  static EndpointReads read(KeyValueStore store, DatastoreKeys keys, EndpointTarget target, NodeName node,
      List<ProfileName> profileNames, ProfileWriter profileWriter, List<IPAddress> addresses) {
    String recordsPrefix = keys.endpointPrefix(node, target.container());
    List<IPAddress> likelyBlocks = BlocksReadAhead.likelyBlocks(addresses);
    List<String> prefixes = new ArrayList<>();
    prefixes.add(recordsPrefix);
    prefixes.add(keys.poolRoot());
    profileNames.forEach(name -> prefixes.add(profileWriter.recordsPrefix(name)));
    prefixes.addAll(BlocksReadAhead.keys(keys, likelyBlocks));
    List<Listing> listings = store.listAll(prefixes);
    Map<ProfileName, Listing> profiles = new LinkedHashMap<>();
    for (int i = 0; i < profileNames.size(); i++) {
      profiles.put(profileNames.get(i), listings.get(2 + i));
    }
    int blocksFrom = 2 + profileNames.size();
    List<Endpoint> existing = new ArrayList<>();
    List<Endpoint> siblings = new ArrayList<>();
    for (Endpoint endpoint : EndpointRepository.decodeAll(listings.get(0).entries())) {
      (target.owns(endpoint) ? existing : siblings).add(endpoint);
    }
    return new EndpointReads(existing, siblings, listings.get(1), profiles,
        BlocksReadAhead.of(keys, likelyBlocks, listings.subList(blocksFrom, listings.size())));
  }
}
