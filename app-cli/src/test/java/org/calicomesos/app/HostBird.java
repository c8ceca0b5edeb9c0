package org.calicomesos.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One host's BIRD for a multi-host BGP test: configuration file, control socket and pid file in a directory of its
 * own, BIRD started in the host's namespace in the foreground (as systemd runs it), so this JVM owns it. The agent
 * of the host writes the file ({@link #agentEnvironment}); BIRD is started once it has.
 */
final class HostBird implements AutoCloseable {
  private final String namespace;
  private final Path directory;
  private Process bird;

  HostBird(String namespace, Path directory) throws IOException {
    this.namespace = namespace;
    this.directory = Files.createDirectories(directory);
  }

  Path configFile() {
    return directory.resolve("bird.conf");
  }

  Path controlSocket() {
    return directory.resolve("bird.ctl");
  }

  /** What the host's agent and admin commands need to find this BIRD. */
  Map<String, String> agentEnvironment() {
    return Map.of("CALICO_BIRD_CONFIG", configFile().toString(), "CALICO_BIRD_SOCKET", controlSocket().toString());
  }

  /** Starts BIRD on the configuration on file: {@code ip netns exec <ns> bird -f -c <conf> -s <sock> -P <pid>}. */
  void start() {
    try {
      bird = new ProcessBuilder("ip", "netns", "exec", namespace, "bird", "-f", "-c", configFile().toString(),
          "-s", controlSocket().toString(), "-P", pidFile().toString())
          .redirectErrorStream(true).redirectOutput(directory.resolve("bird.out").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start bird in " + namespace, e);
    }
  }

  /** What BIRD printed (only when it fails to start or exits). */
  String output() {
    try {
      return Files.readString(directory.resolve("bird.out"));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  private Path pidFile() {
    return directory.resolve("bird.pid");
  }

  /** SIGTERM, as systemd stops it; also the BIRD its pid file names, should ours have exec'd away. */
  @Override
  public void close() {
    if (bird != null) {
      bird.destroy();
      awaitExit(bird);
    }
    try {
      if (Files.exists(pidFile())) {
        long pid = Long.parseLong(Files.readString(pidFile()).strip());
        ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("bird"))
            .ifPresent(ProcessHandle::destroy);
      }
    } catch (IOException | NumberFormatException e) {
      // no readable pid file: nothing more to stop
    }
  }

  private static void awaitExit(Process process) {
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
