package org.calicomesos.app;

import org.calicomesos.testkit.dataplane.KernelCommand;

/** "Hosts" of a multi-host test: network namespaces standing in for machines, each with its address for routes. */
public interface HostNetwork extends AutoCloseable {
  /** Host {@code n}'s namespace (1-based). */
  String namespace(int n);

  /** Host {@code n}'s address, the one it registers ({@code CALICO_HOST_IP}). */
  String address(int n);

  /** Runs {@code argv} in host {@code n}'s namespace; its stdout. */
  String run(int n, String... argv);

  @Override
  void close();

  /** A bridge in the root namespace holding {@code address}/24, up; one a killed run left is replaced. */
  static void freshRootBridge(String bridge, String address) {
    KernelCommand.attempt("ip", "link", "del", bridge);
    KernelCommand.run("ip", "link", "add", bridge, "type", "bridge");
    KernelCommand.run("ip", "addr", "add", address + "/24", "dev", bridge);
    KernelCommand.run("ip", "link", "set", bridge, "up");
  }
}
