package org.calicomesos.adapters.netlink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A "container": {@code unshare --net sleep 600}, a process alone in a fresh network namespace. */
final class ScratchNamespace implements AutoCloseable {
  private final Process process;

  private ScratchNamespace(Process process) {
    this.process = process;
  }

  static ScratchNamespace start() {
    try {
      Process process = new ProcessBuilder("unshare", "--net", "sleep", "600").redirectErrorStream(true).start();
      ScratchNamespace namespace = new ScratchNamespace(process);
      // unshare execs sleep once the namespace exists; until then /proc/pid/ns/net is still the host's.
      Path own = Path.of("/proc/self/ns/net");
      Path theirs = Path.of("/proc/" + process.pid() + "/ns/net");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Files.readSymbolicLink(theirs).equals(Files.readSymbolicLink(own))) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          namespace.close();
          throw new IllegalStateException("unshare --net did not make a namespace");
        }
        Thread.sleep(2);
      }
      return namespace;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start unshare", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  /** {@code command} run inside this namespace. */
  String inside(String... command) {
    String[] full = new String[command.length + 4];
    full[0] = "nsenter";
    full[1] = "-t";
    full[2] = Long.toString(pid());
    full[3] = "-n";
    System.arraycopy(command, 0, full, 4, command.length);
    return Shell.ok(full);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
