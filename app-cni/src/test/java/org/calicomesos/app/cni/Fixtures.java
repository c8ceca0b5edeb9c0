package org.calicomesos.app.cni;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.MACAddressString;
import java.util.List;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Route;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.NetworkName;

/** Values the CNI tests share: container c1's eth0 on net1, attached with one address of each family. */
final class Fixtures {
  static final AttachmentId ID = new AttachmentId(new NetworkName("net1"), new ContainerId("c1"),
      new InterfaceName("eth0"));

  private Fixtures() {}

  static IPAddress ip(String text) {
    return new IPAddressString(text).getAddress();
  }

  /** What ADD makes: a v4 and a v6 address, Calico's link-local gateways. */
  static Attachment attachment() {
    return new Attachment(ID, new InterfaceName("cali0123456789a"),
        new MACAddressString("ee:ee:ee:ee:ee:ee").getAddress(), new MACAddressString("0a:58:0a:00:00:05").getAddress(),
        1500, List.of(ip("10.0.0.5/32"), ip("fd00::5/128")),
        List.of(Route.onLink(ip("169.254.1.1/32")), Route.via(ip("0.0.0.0/0"), ip("169.254.1.1")),
            Route.via(ip("::/0"), ip("fe80::ecee:eeff:feee:eeee"))));
  }
}
