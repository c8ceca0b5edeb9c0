package org.calicomesos.app.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.app.HostNamespaces;
import org.calicomesos.app.Teardown;

/**
 * The matrix's hosts: network namespaces {@code crash-h1..} on the bridge {@code crashbr0} (whose address the class's
 * etcd listens on), each with its container namespace {@code crash-c1..}. {@link #close} removes them all, whatever
 * state a failed step left them in.
 */
final class CrashHosts implements AutoCloseable {
  private final HostNamespaces namespaces;
  private final List<CrashHost> hosts = new ArrayList<>();

  private CrashHosts(HostNamespaces namespaces) {
    this.namespaces = namespaces;
  }

  /** @param logs where each host's warm runner logs */
  static CrashHosts create(int count, Path logs) {
    CrashHosts hosts = new CrashHosts(HostNamespaces.create("crashbr0", "198.19.201", "crash-h", count));
    for (int n = 1; n <= count; n++) {
      hosts.hosts.add(new CrashHost(hosts.namespaces.namespace(n), "crash-c" + n, hosts.namespaces.address(n),
          logs.resolve("crash-h" + n + "-runner.log")));
    }
    return hosts;
  }

  List<CrashHost> hosts() {
    return List.copyOf(hosts);
  }

  /** Where the hosts reach the root namespace: the class's etcd listens here. */
  String bridgeAddress() {
    return namespaces.rootAddress();
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> all = new ArrayList<>(hosts);
    all.add(namespaces);
    Teardown.inOrder(all.toArray(AutoCloseable[]::new));
  }
}
