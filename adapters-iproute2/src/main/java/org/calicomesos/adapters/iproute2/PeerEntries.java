package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calicomesos.ports.routing.vxlan.VxlanEntries;

/**
 * Reads the VXLAN device's two tables from JSON: its permanent neighbour entries ({@code ip -j neigh show dev …
 * nud permanent}) and its forwarding entries ({@code bridge -j fdb show dev …}).
 */
final class PeerEntries {
  private PeerEntries() {}

  static VxlanEntries of(JsonNode permanentNeighbours, JsonNode forwardingEntries) {
    Map<IPAddress, MACAddress> neighbours = new LinkedHashMap<>();
    for (JsonNode entry : permanentNeighbours) {
      put(neighbours, address(entry.path("dst")), mac(entry.path("lladdr")));
    }
    Map<MACAddress, IPAddress> forwarding = new LinkedHashMap<>();
    for (JsonNode entry : forwardingEntries) {
      put(forwarding, mac(entry.path("mac")), address(entry.path("dst")));
    }
    return new VxlanEntries(neighbours, forwarding);
  }

  /** Keeps only an entry with both halves readable. */
  private static <K, V> void put(Map<K, V> map, K key, V value) {
    if (key != null && value != null) {
      map.put(key, value);
    }
  }

  private static IPAddress address(JsonNode text) {
    return text.isTextual() ? new IPAddressString(text.asText()).getAddress() : null;
  }

  private static MACAddress mac(JsonNode text) {
    return text.isTextual() ? new MACAddressString(text.asText()).getAddress() : null;
  }
}
