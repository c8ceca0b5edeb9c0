package org.calicomesos.testkit.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.dataplane.NetworkNamespace;

/**
 * A real "container": a {@code sleep} in a fresh network namespace ({@code unshare --net} execs it, so its pid
 * holds the namespace). Closing kills it; the namespace, and the container end of any veth in it, die with it.
 */
public final class NetnsContainer implements AutoCloseable {
  private final Process holder;
  private final List<Process> background = new ArrayList<>();

  private NetnsContainer(Process holder) {
    this.holder = holder;
  }

  /** Starts a container and waits until its process is in its own network namespace. */
  public static NetnsContainer start() {
    try {
      Process holder = new ProcessBuilder("unshare", "--net", "sleep", "600")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      NetnsContainer container = new NetnsContainer(holder);
      container.awaitOwnNamespace();
      return container;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start unshare --net sleep 600", e);
    }
  }

  public long pid() {
    return holder.pid();
  }

  public NetworkNamespace.OfProcess namespace() {
    return new NetworkNamespace.OfProcess(pid());
  }

  /** Runs {@code argv} inside this container's network namespace and returns its stdout. */
  public String run(String... argv) {
    return KernelCommand.run(inside(argv));
  }

  /** Like {@link #run} but reports failure instead of failing the test. */
  public KernelCommand.Result attempt(String... argv) {
    return KernelCommand.attempt(inside(argv));
  }

  /** Starts {@code argv} inside the namespace and leaves it running until this container closes. */
  public Process startInBackground(String... argv) {
    try {
      Process process = new ProcessBuilder(inside(argv))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      synchronized (background) {
        background.add(process);
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + List.of(argv) + " in container " + pid(), e);
    }
  }

  private List<String> inside(String... argv) {
    List<String> command = new ArrayList<>(List.of("nsenter", "--net=/proc/" + pid() + "/ns/net", "--"));
    command.addAll(List.of(argv));
    return command;
  }

  private void awaitOwnNamespace() {
    Path own = Path.of("/proc/self/ns/net");
    Path theirs = Path.of("/proc/" + pid() + "/ns/net");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      try {
        // Until unshare has made the namespace and exec'd sleep, the pid still shares ours.
        if (!Files.readSymbolicLink(theirs).equals(Files.readSymbolicLink(own))) {
          return;
        }
      } catch (IOException notYet) {
        // the process is still starting
      }
      if (!holder.isAlive()) {
        throw new AssertionError("unshare --net sleep 600 exited with " + holder.exitValue() + " (are we root?)");
      }
      sleepBriefly();
    }
    close();
    throw new AssertionError("the container process " + pid() + " did not enter its own network namespace within 5 s");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    synchronized (background) {
      background.forEach(NetnsContainer::kill);
      background.clear();
    }
    kill(holder);
  }

  private static void kill(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
