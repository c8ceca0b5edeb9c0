package org.calicomesos.testkit.policy;

import inet.ipaddr.IPAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.NetnsContainer;

/**
 * A container plumbed the way Calico plumbs one (see {@link WorkloadFixture}): its network namespace, the host end
 * of its veth, and one IPv4 and one IPv6 address (no prefix length). Listeners on its addresses start on first use
 * and report to each client the address they saw it connect from.
 */
public final class Workload {
  private final String name;
  private final NetnsContainer container;
  private final InterfaceName hostInterface;
  private final IPAddress ipv4;
  private final IPAddress ipv6;
  private final Map<IPAddress, ContainerListener> listeners = new HashMap<>();

  Workload(String name, NetnsContainer container, InterfaceName hostInterface, IPAddress ipv4, IPAddress ipv6) {
    this.name = name;
    this.container = container;
    this.hostInterface = hostInterface;
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
  }

  public NetnsContainer container() {
    return container;
  }

  public InterfaceName hostInterface() {
    return hostInterface;
  }

  public IPAddress ipv4() {
    return ipv4;
  }

  public IPAddress ipv6() {
    return ipv6;
  }

  public List<IPAddress> addresses() {
    return List.of(ipv4, ipv6);
  }

  /** A listener on {@code address} (one of ours, or one the test added inside), started the first time. */
  public synchronized ContainerListener listener(IPAddress address) {
    return listeners.computeIfAbsent(address, a -> ContainerListener.reportingPeer(container, a));
  }

  @Override
  public String toString() {
    return name + " (" + hostInterface + ")";
  }
}
