package org.calicomesos.app;

/** "Hosts" of a multi-host test: network namespaces standing in for machines, each with its address for routes. */
interface HostNetwork extends AutoCloseable {
  /** Host {@code n}'s namespace (1-based). */
  String namespace(int n);

  /** Host {@code n}'s address, the one it registers ({@code CALICO_HOST_IP}). */
  String address(int n);

  /** Runs {@code argv} in host {@code n}'s namespace; its stdout. */
  String run(int n, String... argv);

  @Override
  void close();
}
