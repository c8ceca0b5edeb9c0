package org.calicomesos.app;

import java.util.ArrayList;
import java.util.List;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * "Hosts" on one machine for multi-host tests: a bridge in the root namespace holding {@code <subnet>.1/24} (where
 * the test's etcd listens), and per host a network namespace whose {@code eth0} is a veth leg on that bridge at
 * {@code <subnet>.<10 + n>/24}, forwarding on as a Mesos agent host's would be. Only these are touched: no route or
 * nftables table of the root namespace. {@link #close} removes everything, whatever state setting up stopped in.
 */
public final class HostNamespaces implements HostNetwork {
  private final String bridge;
  private final String subnet;
  private final List<String> namespaces = new ArrayList<>();

  /** @param subnet the first three octets, e.g. {@code 203.0.113} */
  private HostNamespaces(String bridge, String subnet) {
    this.bridge = bridge;
    this.subnet = subnet;
  }

  /** The bridge and {@code count} hosts named {@code <prefix>1..}; removed again if any step fails. */
  public static HostNamespaces create(String bridge, String subnet, String prefix, int count) {
    HostNamespaces hosts = new HostNamespaces(bridge, subnet);
    try {
      HostNetwork.freshRootBridge(bridge, hosts.rootAddress());
      for (int n = 1; n <= count; n++) {
        hosts.addHost(prefix + n, n);
      }
      return hosts;
    } catch (RuntimeException e) {
      hosts.close();
      throw e;
    }
  }

  /** The root namespace's address on the bridge. */
  public String rootAddress() {
    return subnet + ".1";
  }

  @Override
  public String address(int n) {
    return subnet + "." + (10 + n);
  }

  @Override
  public String namespace(int n) {
    return namespaces.get(n - 1);
  }

  private void addHost(String namespace, int n) {
    KernelCommand.attempt("ip", "netns", "del", namespace);
    KernelCommand.run("ip", "netns", "add", namespace);
    namespaces.add(namespace);
    String leg = bridge + "h" + n; // root side, at most 15 characters
    KernelCommand.attempt("ip", "link", "del", leg);
    KernelCommand.run("ip", "link", "add", leg, "type", "veth", "peer", "name", "eth0", "netns", namespace);
    KernelCommand.run("ip", "link", "set", leg, "master", bridge, "up");
    KernelCommand.run("ip", "-n", namespace, "link", "set", "lo", "up");
    KernelCommand.run("ip", "-n", namespace, "addr", "add", address(n) + "/24", "dev", "eth0");
    KernelCommand.run("ip", "-n", namespace, "link", "set", "eth0", "up");
    // Proxy ARP answers a container's ARP for 169.254.1.1 only if the host has a route to that address: real hosts
    // have a default route, so these get one too (towards the bridge; nothing is sent along it).
    KernelCommand.run("ip", "-n", namespace, "route", "add", "default", "via", rootAddress());
    // A host forwards between its containers and the link; the per-veth switch covers only the veth side.
    KernelCommand.run("ip", "netns", "exec", namespace, "sysctl", "-qw", "net.ipv4.conf.all.forwarding=1");
  }

  @Override
  public String run(int n, String... argv) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace(n)));
    command.addAll(List.of(argv));
    return KernelCommand.run(command);
  }

  @Override
  public void close() {
    for (String namespace : namespaces) {
      KernelCommand.attempt("ip", "netns", "del", namespace); // takes its veth leg, and the routes, with it
    }
    KernelCommand.attempt("ip", "link", "del", bridge);
  }
}
