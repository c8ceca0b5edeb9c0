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
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * What connecting an endpoint reads before it changes anything — the target's endpoint records, the pools, the
 * records of each profile it names, and the blocks its addresses are most likely in ({@link BlocksReadAhead}) — in
 * one {@link KeyValueStore#listAll} round trip instead of one each.
 */
record EndpointReads(List<Endpoint> existing, Listing pools, Map<ProfileName, Listing> profiles,
    BlocksReadAhead blocks) {

  /** @param recordsPrefix where the target's endpoint records are ({@link EndpointTarget#recordsPrefix}) */
  static EndpointReads read(KeyValueStore store, DatastoreKeys keys, String recordsPrefix,
      List<ProfileName> profileNames, ProfileWriter profileWriter, List<IPAddress> addresses) {
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
    return new EndpointReads(EndpointRepository.decodeAll(listings.get(0).entries()), listings.get(1), profiles,
        BlocksReadAhead.of(keys, likelyBlocks, listings.subList(blocksFrom, listings.size())));
  }
}
