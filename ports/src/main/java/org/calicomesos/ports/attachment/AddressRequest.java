package org.calicomesos.ports.attachment;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.model.InvalidRequestException;

/**
 * What addresses an attachment asks for: {@code staticAddresses} by name (CNI_ARGS {@code IP=}, the {@code ips}
 * capability, a Mesos label), then {@code ipv4Count} and {@code ipv6Count} more from {@code pools} (CIDRs of
 * existing pools; empty means any usable pool of the family).
 */
public record AddressRequest(int ipv4Count, int ipv6Count, List<IPAddress> staticAddresses, List<IPAddress> pools) {
  public AddressRequest {
    if (ipv4Count < 0 || ipv4Count > 1 || ipv6Count < 0 || ipv6Count > 1) {
      throw new InvalidRequestException("an attachment takes at most one pool address of each family");
    }
    staticAddresses = List.copyOf(staticAddresses);
    pools = List.copyOf(pools);
    if (ipv4Count + ipv6Count + staticAddresses.size() == 0) {
      throw new InvalidRequestException("the network assigns no addresses: assign_ipv4 and assign_ipv6 are both false");
    }
    if (staticAddresses.size() > AllocateCommand.MAX_PER_FAMILY) {
      throw new InvalidRequestException("at most " + AllocateCommand.MAX_PER_FAMILY + " static addresses");
    }
  }
}
