package org.calicomesos.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real server the tests start (etcd, Consul): its own temporary directory, its output in a log file
 * there, and always stopped — by {@link #close()}, and by a shutdown hook if the test JVM ends first —
 * so no process outlives the suite. It can be killed and started again on the same directory, for
 * outage tests.
 */
public final class ServerProcess implements AutoCloseable {
  private final String name;
  private final List<String> command;
  private final Path directory;
  private final BooleanSupplier ready;
  private final Duration readyWithin;
  private final Thread reaper;
  private Process process;

  private ServerProcess(String name, List<String> command, Path directory, BooleanSupplier ready, Duration readyWithin) {
    this.name = name;
    this.command = List.copyOf(command);
    this.directory = directory;
    this.ready = ready;
    this.readyWithin = readyWithin;
    this.reaper = new Thread(this::stopProcess, "stop " + name);
  }

  /**
   * Starts {@code command} in {@code directory} (which the caller made; it is deleted on close) and waits
   * until {@code ready} holds.
   */
  public static ServerProcess start(String name, List<String> command, Path directory, BooleanSupplier ready,
      Duration readyWithin) {
    ServerProcess server = new ServerProcess(name, command, directory, ready, readyWithin);
    Runtime.getRuntime().addShutdownHook(server.reaper);
    server.launch();
    return server;
  }

  /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
  public static boolean acceptsConnections(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public Path directory() {
    return directory;
  }

  public Path log() {
    return directory.resolve(name + ".log");
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL, as a crash would; {@link #restart()} brings it back on the same directory. */
  public void kill() {
    process.destroyForcibly();
    waitFor(process);
  }

  /** SIGSTOP / SIGCONT: the server hangs without closing connections, as a partitioned one would. */
  public void pause(boolean paused) {
    signal(paused ? "STOP" : "CONT");
    // kill(2) returns once the signal is queued; a thread running on another CPU stops a moment later, and a
    // test that asks the server something in that moment gets an answer. Wait for the kernel to say so.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (stopped() != paused && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
  }

  /** Whether the process is stopped by a signal ('T' in /proc/<pid>/stat, after the command's closing paren). */
  private boolean stopped() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
    } catch (IOException e) {
      return false; // gone: not stopped
    }
  }

  public void restart() {
    stopProcess();
    launch();
  }

  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    deleteDirectory();
  }

  private void launch() {
    try {
      process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to start " + name + " (" + command.get(0) + ")", e);
    }
    long deadline = System.nanoTime() + readyWithin.toNanos();
    while (!ready.getAsBoolean()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String why = process.isAlive() ? "not ready within " + readyWithin.toSeconds() + " s" : "exited";
        stopProcess();
        throw new IllegalStateException(name + " " + why + "; its log: " + tail());
      }
      sleep(50);
    }
  }

  private void stopProcess() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      waitFor(process);
    }
  }

  private void signal(String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to send SIG" + signal + " to " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private void deleteDirectory() {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temporary directory
    }
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a server", e);
    }
  }
}
