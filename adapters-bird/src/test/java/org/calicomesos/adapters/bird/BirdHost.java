package org.calicomesos.adapters.bird;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.KernelState;

/**
 * One "host" of a BGP test: a named network namespace, a directory for its BIRD's file, socket and pid file,
 * and that BIRD, started in the namespace in the foreground so this JVM owns (and reaps) it. The adapter under
 * test runs in our own namespace: it reaches BIRD through the socket's path alone.
 */
final class BirdHost implements AutoCloseable {
  final String namespace;
  final Path directory;
  final BirdSettings settings;
  final BirdBgpSpeaker speaker;
  private Process bird;

  private BirdHost(String namespace, Path directory) {
    this.namespace = namespace;
    this.directory = directory;
    this.settings = new BirdSettings(directory.resolve("bird.conf"), directory.resolve("bird.ctl"));
    this.speaker = BirdBgpSpeaker.onPath(settings);
  }

  /** A fresh namespace {@code namespace} with loopback up, and an empty directory; both go on {@link #close}. */
  static BirdHost create(String namespace) throws IOException {
    BirdHost host = new BirdHost(namespace, Files.createTempDirectory(namespace + "-"));
    try {
      KernelCommand.run("ip", "netns", "add", namespace);
      host.run("ip", "link", "set", "lo", "up");
      return host;
    } catch (RuntimeException | AssertionError e) {
      host.close();
      throw e;
    }
  }

  /** Runs {@code argv} inside this host's namespace; its stdout. */
  String run(String... argv) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    command.addAll(List.of(argv));
    return KernelCommand.run(command);
  }

  /** Starts BIRD on the configuration on file, as systemd would. */
  void startBird() {
    try {
      bird = new ProcessBuilder("ip", "netns", "exec", namespace, "bird", "-f", "-c", settings.configFile().toString(),
          "-s", settings.controlSocket().toString(), "-P", pidFile().toString())
          .redirectErrorStream(true).redirectOutput(directory.resolve("bird.out").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start bird in " + namespace, e);
    }
  }

  /** Stops BIRD the way systemd does (SIGTERM), and also the one its pid file names, should ours have exec'd away. */
  void stopBird() {
    if (bird != null) {
      bird.destroy();
      awaitExit(bird);
      bird = null;
    }
    try {
      if (Files.exists(pidFile())) {
        long pid = Long.parseLong(Files.readString(pidFile()).strip());
        ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("bird")).ifPresent(ProcessHandle::destroy);
      }
    } catch (IOException | NumberFormatException e) {
      // no readable pid file: nothing more to stop
    }
  }

  /** This namespace's kernel routes that BIRD installed, as "destination via gateway". */
  List<String> birdRoutes() {
    List<String> routes = new ArrayList<>();
    for (String family : List.of("-4", "-6")) {
      for (JsonNode route : KernelState.parse(run("ip", "-j", family, "route", "show", "proto", "bird"))) {
        routes.add(route.path("dst").asText() + " via " + route.path("gateway").asText());
      }
    }
    return routes;
  }

  /** Blackholes BIRD installed: none may exist, the agent keeps its own. */
  List<String> birdBlackholes() {
    List<String> routes = new ArrayList<>();
    for (String family : List.of("-4", "-6")) {
      KernelState.parse(run("ip", "-j", family, "route", "show", "proto", "bird", "type", "blackhole"))
          .forEach(route -> routes.add(route.path("dst").asText()));
    }
    return routes;
  }

  private Path pidFile() {
    return directory.resolve("bird.pid");
  }

  @Override
  public void close() {
    stopBird();
    KernelCommand.attempt("ip", "netns", "del", namespace);
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static void awaitExit(Process process) {
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
