package org.calicomesos.app.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.calicomesos.testkit.dataplane.KernelCommand;

/**
 * A container of the chaos run: a named network namespace {@code chaos-c<n>} (so a leftover is found by name) with
 * a {@code sleep} in it as its init process, whose pid net-modules' {@code isolate} takes and whose namespace path CNI
 * takes. {@link #close} kills the process and deletes the namespace, with the container end of its veth.
 */
final class ChaosContainer implements AutoCloseable {
  static final String PREFIX = "chaos-c";

  private final String name;
  private final Process init;

  private ChaosContainer(String name, Process init) {
    this.name = name;
    this.init = init;
  }

  static ChaosContainer start(long number) {
    String name = PREFIX + number;
    KernelCommand.run("ip", "netns", "add", name);
    Process init;
    try {
      init = new ProcessBuilder("ip", "netns", "exec", name, "sleep", "86400")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      KernelCommand.attempt("ip", "netns", "del", name);
      throw new UncheckedIOException("cannot start the init of " + name, e);
    }
    ChaosContainer container = new ChaosContainer(name, init);
    container.awaitInit();
    return container;
  }

  String name() {
    return name;
  }

  long pid() {
    return init.pid();
  }

  /** The path a CNI runtime passes as {@code CNI_NETNS}. */
  Path netns() {
    return Path.of("/var/run/netns", name);
  }

  @Override
  public void close() {
    init.destroyForcibly();
    try {
      init.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    KernelCommand.attempt("ip", "netns", "del", name);
  }

  /** Until {@code ip netns exec} has entered the namespace and exec'd sleep, the pid is not yet in it. */
  private void awaitInit() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!init.isAlive()) {
        close();
        throw new AssertionError("ip netns exec " + name + " sleep exited with " + init.exitValue());
      }
      try {
        Object namespace = Files.getAttribute(netns(), "unix:ino");
        String ofInit = Files.readSymbolicLink(Path.of("/proc", String.valueOf(init.pid()), "ns", "net")).toString();
        if (ofInit.equals("net:[" + namespace + "]")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    close();
    throw new AssertionError("the init of " + name + " did not enter it within 10 s");
  }
}
