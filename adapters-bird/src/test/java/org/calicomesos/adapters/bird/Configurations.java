package org.calicomesos.adapters.bird;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.routing.bgp.AsNumber;
import org.calicomesos.ports.routing.bgp.BgpConfiguration;
import org.calicomesos.ports.routing.bgp.BgpPeer;

/** Small configurations and peers for the adapter's tests. */
final class Configurations {
  static final AsNumber AS = new AsNumber(64511);

  private Configurations() {}

  static BgpConfiguration of(String routerId, List<String> blocks, List<BgpPeer> peers) {
    return new BgpConfiguration(ip(routerId).toIPv4(), AS, blocks.stream().map(Configurations::ip).toList(), peers);
  }

  static BgpPeer mesh(String node, String address) {
    return BgpPeer.mesh(new NodeName(node), ip(address), AS);
  }

  static IPAddress ip(String text) {
    return new IPAddressString(text).getAddress();
  }
}
