package org.calicomesos.app.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.calicomesos.app.Teardown;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * One machine the matrix kills the plugin on: a host network namespace of {@link CrashHosts} (its {@code cali*}
 * interfaces, blackhole routes and what GC removes are the matrix's alone, never another test's), and one container
 * at a time, a named namespace with a process in it (net-modules isolates by pid, CNI by path). Every host is node
 * {@value #NODE}: each step has a store of its own, so hosts never meet in one, and a step is named the same
 * whichever host ran it.
 */
final class CrashHost implements AutoCloseable {
  static final String NODE = "crash-node";

  private final String namespace;
  private final String containerNamespace;
  private final String hostIp;
  private final Path runnerLog;
  private Process container;
  private HostRunner runner;

  CrashHost(String namespace, String containerNamespace, String hostIp, Path runnerLog) {
    this.namespace = namespace;
    this.containerNamespace = containerNamespace;
    this.hostIp = hostIp;
    this.runnerLog = runnerLog;
  }

  String namespace() {
    return namespace;
  }

  String containerNamespace() {
    return containerNamespace;
  }

  String hostIp() {
    return hostIp;
  }

  /**
   * Clears what an earlier step left (a failed one may leave anything: veths, routes, a container's interfaces),
   * and starts a new container; its process's pid.
   */
  long freshStep() {
    for (String name : KernelState.caliInterfaces(namespace)) {
      KernelCommand.attempt("ip", "-n", namespace, "link", "del", name);
    }
    KernelCommand.run("ip", "-n", namespace, "route", "flush", "proto", "196");
    KernelCommand.run("ip", "-6", "-n", namespace, "route", "flush", "proto", "196");
    endContainer();
    KernelCommand.run("ip", "netns", "add", containerNamespace);
    try {
      container = new ProcessBuilder("ip", "netns", "exec", containerNamespace, "sleep", "600")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a process in " + containerNamespace, e);
    }
    awaitInContainer(container.pid());
    return container.pid();
  }

  KernelState kernel() {
    return KernelState.read(namespace, containerNamespace);
  }

  /** The host's warm runner, started on first use. */
  HostRunner runner() throws IOException {
    if (runner == null) {
      runner = HostRunner.start(namespace, runnerLog);
    }
    return runner;
  }

  // `ip netns exec` enters the namespace and then execs sleep in the same process: wait for the exec.
  private void awaitInContainer(long pid) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (KernelCommand.attempt("ip", "netns", "identify", String.valueOf(pid)).stdout().strip()
          .equals(containerNamespace)) {
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    throw new AssertionError("process " + pid + " did not enter " + containerNamespace + " within 5 s");
  }

  /** Ends the host's runner and its container. */
  @Override
  public void close() throws Exception {
    Teardown.inOrder(runner, this::endContainer);
  }

  /** Ends the container, and removes its namespace (also one a killed earlier run left: the name must be free). */
  private void endContainer() {
    if (container != null) {
      container.destroyForcibly();
      try {
        container.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      container = null;
    }
    KernelCommand.attempt("ip", "netns", "del", containerNamespace);
  }
}
