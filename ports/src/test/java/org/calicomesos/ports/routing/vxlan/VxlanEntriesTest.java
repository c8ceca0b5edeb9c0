package org.calicomesos.ports.routing.vxlan;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.MACAddressString;
import inet.ipaddr.mac.MACAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VxlanEntriesTest {
  private static final VxlanPeer PEER = new VxlanPeer(ip("198.51.100.21"), mac("66:c0:de:00:01:21"));

  @Test
  void a_peer_is_a_neighbour_whose_mac_is_forwarded_to_its_own_address() {
    Map<IPAddress, MACAddress> neighbours = new LinkedHashMap<>();
    neighbours.put(ip("198.51.100.21"), mac("66:c0:de:00:01:21")); // a peer
    neighbours.put(ip("198.51.100.22"), mac("66:c0:de:00:01:22")); // no forwarding entry
    neighbours.put(ip("198.51.100.23"), mac("66:c0:de:00:01:23")); // forwarded to another host
    neighbours.put(ip("198.51.100.24"), mac("01:00:5e:00:00:01")); // multicast: no host's device
    VxlanEntries entries = new VxlanEntries(neighbours, Map.of(mac("66:c0:de:00:01:21"), ip("198.51.100.21"),
        mac("66:c0:de:00:01:23"), ip("198.51.100.99"), mac("01:00:5e:00:00:01"), ip("198.51.100.24")));

    assertThat(entries.peers()).containsExactly(PEER);
    assertThat(entries.resolves(PEER)).isTrue();
    assertThat(entries.forwards(PEER)).isTrue();
  }

  @Test
  void a_rebuilt_peer_is_neither_resolved_nor_forwarded_and_its_former_mac_is_named() {
    VxlanPeer rebuilt = new VxlanPeer(PEER.address(), mac("66:c0:de:00:01:99"));
    VxlanEntries entries = new VxlanEntries(Map.of(PEER.address(), PEER.mac()), Map.of(PEER.mac(), PEER.address()));

    assertThat(entries.resolves(rebuilt)).isFalse();
    assertThat(entries.forwards(rebuilt)).isFalse();
    assertThat(entries.formerMacs(rebuilt)).containsExactly(PEER.mac());
    assertThat(entries.formerMacs(PEER)).isEmpty();
  }

  private static IPAddress ip(String text) {
    return new IPAddressString(text).getAddress();
  }

  private static MACAddress mac(String text) {
    return new MACAddressString(text).getAddress();
  }
}
