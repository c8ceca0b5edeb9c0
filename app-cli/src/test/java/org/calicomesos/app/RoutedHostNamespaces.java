package org.calicomesos.app;

import java.util.ArrayList;
import java.util.List;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * "Hosts" that share no link: host {@code n} is a network namespace whose {@code eth0} sits alone on subnet
 * {@code 10.200.<n>.0/24} ({@code .10}), and a router namespace joins the subnets ({@code .1} on each, forwarding on)
 * and is every host's default route. A management bridge in the root namespace ({@code 100.127.253.1/24}, each host's
 * {@code mgmt} at {@code 100.127.253.<10 + n>}) carries only the datastore; the address a host registers is its
 * {@code eth0}'s, so no host is on a link with another's. Only these are touched; {@link #close} removes everything.
 */
final class RoutedHostNamespaces implements HostNetwork {
  private static final String MGMT_SUBNET = "100.127.253"; // shared address space: on no real link of a test machine

  private final String bridge;
  private final String prefix;
  private final List<String> namespaces = new ArrayList<>();
  private String router;

  private RoutedHostNamespaces(String bridge, String prefix) {
    this.bridge = bridge;
    this.prefix = prefix;
  }

  /** The router, the bridge and {@code count} hosts named {@code <prefix>1..}; removed again if any step fails. */
  static RoutedHostNamespaces create(String bridge, String prefix, int count) {
    RoutedHostNamespaces hosts = new RoutedHostNamespaces(bridge, prefix);
    try {
      HostNetwork.freshRootBridge(bridge, hosts.managementAddress());
      hosts.router = hosts.freshNamespace(prefix + "r");
      KernelCommand.run("ip", "netns", "exec", hosts.router, "sysctl", "-qw", "net.ipv4.conf.all.forwarding=1");
      for (int n = 1; n <= count; n++) {
        hosts.addHost(n);
      }
      return hosts;
    } catch (RuntimeException e) {
      hosts.close();
      throw e;
    }
  }

  /** The root namespace's address on the management bridge, where the test's etcd listens. */
  String managementAddress() {
    return MGMT_SUBNET + ".1";
  }

  @Override
  public String address(int n) {
    return "10.200." + n + ".10";
  }

  @Override
  public String namespace(int n) {
    return namespaces.get(n - 1);
  }

  @Override
  public String run(int n, String... argv) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace(n)));
    command.addAll(List.of(argv));
    return KernelCommand.run(command);
  }

  private void addHost(int n) {
    String namespace = freshNamespace(prefix + n);
    namespaces.add(namespace);
    // The data link: eth0 in the host, r<n> in the router, a subnet of their own.
    KernelCommand.run("ip", "link", "add", "eth0", "netns", namespace, "type", "veth", "peer", "name", "r" + n,
        "netns", router);
    KernelCommand.run("ip", "-n", router, "addr", "add", "10.200." + n + ".1/24", "dev", "r" + n);
    KernelCommand.run("ip", "-n", router, "link", "set", "r" + n, "up");
    KernelCommand.run("ip", "-n", namespace, "addr", "add", address(n) + "/24", "dev", "eth0");
    KernelCommand.run("ip", "-n", namespace, "link", "set", "eth0", "up");
    KernelCommand.run("ip", "-n", namespace, "route", "add", "default", "via", "10.200." + n + ".1");
    // The management link: only the datastore is reached through it.
    String leg = bridge + "h" + n; // root side, at most 15 characters
    KernelCommand.attempt("ip", "link", "del", leg);
    KernelCommand.run("ip", "link", "add", leg, "type", "veth", "peer", "name", "mgmt", "netns", namespace);
    KernelCommand.run("ip", "link", "set", leg, "master", bridge, "up");
    KernelCommand.run("ip", "-n", namespace, "addr", "add", MGMT_SUBNET + "." + (10 + n) + "/24", "dev", "mgmt");
    KernelCommand.run("ip", "-n", namespace, "link", "set", "mgmt", "up");
    // A host forwards between its containers and its links.
    KernelCommand.run("ip", "netns", "exec", namespace, "sysctl", "-qw", "net.ipv4.conf.all.forwarding=1");
  }

  private static String freshNamespace(String name) {
    KernelCommand.attempt("ip", "netns", "del", name);
    KernelCommand.run("ip", "netns", "add", name);
    KernelCommand.run("ip", "-n", name, "link", "set", "lo", "up");
    return name;
  }

  @Override
  public void close() {
    for (String namespace : namespaces) {
      KernelCommand.attempt("ip", "netns", "del", namespace); // takes its veth legs, and the routes, with it
    }
    if (router != null) {
      KernelCommand.attempt("ip", "netns", "del", router);
    }
    KernelCommand.attempt("ip", "link", "del", bridge);
  }
}
