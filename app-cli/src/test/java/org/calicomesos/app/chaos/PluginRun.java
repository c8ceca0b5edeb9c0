package org.calicomesos.app.chaos;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.calicomesos.app.LauncherRun;
import org.calicomesos.app.LauncherStorm;

/**
 * One plugin request as the Mesos agent makes it: {@code bin/calico-mesos} with no arguments in the host's namespace,
 * the request on stdin, the answer on stdout. It runs in a process group of its own ({@code setsid}, which execs, so
 * the group is the launcher's pid), so that a kill takes whatever the launcher became: the agent's C client, or the
 * shell and the JVM that answer when the agent is down.
 */
final class PluginRun {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SIGKILLED = 128 + 9;

  private final Process process;
  private boolean killed;

  private PluginRun(Process process) {
    this.process = process;
  }

  /**
   * Runs one request on {@code host} with its settings and {@code extraEnv}; while it runs, {@code inFlight} offers it
   * to the chaos. Waits at most {@code hardBound}: a request still running then is a finding.
   */
  static PluginOutcome run(ChaosHost host, Map<String, String> extraEnv, String stdin, InFlightPlugins inFlight,
      Duration hardBound) throws InterruptedException {
    Path out = temporaryFile(host.directory(), ".out");
    Path err = temporaryFile(host.directory(), ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(List.of("ip", "netns", "exec", host.namespace(), "setsid",
          LauncherStorm.LAUNCHER.toString()))
          .directory(host.directory().toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      LauncherRun.configureOnly(builder, host.env());
      builder.environment().putAll(extraEnv);
      long started = System.nanoTime();
      PluginRun run = new PluginRun(builder.start());
      inFlight.add(run);
      try {
        run.send(stdin);
        boolean ended = run.awaitEnd(hardBound);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (!ended) {
          run.killGroup();
          return new PluginOutcome.Unanswered(millis);
        }
        if (run.killedByChaos()) {
          return new PluginOutcome.Killed();
        }
        return answer(run.process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8), millis);
      } finally {
        inFlight.remove(run);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run a plugin request on " + host.node(), e);
    } finally {
      delete(out);
      delete(err);
    }
  }

  /** SIGKILL to the whole group, as the chaos does; true if the process died of it (it had not answered yet). */
  boolean kill() throws InterruptedException {
    synchronized (this) {
      if (!process.isAlive()) {
        return false;
      }
      killed = true;
    }
    killGroup();
    return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == SIGKILLED;
  }

  private synchronized boolean killedByChaos() {
    return killed && process.exitValue() == SIGKILLED;
  }

  /** Waits for the process; if this thread is interrupted (the run is torn down), kills it first. */
  private boolean awaitEnd(Duration bound) throws InterruptedException {
    try {
      return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.interrupted();
      try {
        killGroup();
      } finally {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
  }

  private void send(String stdin) {
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Killed before it read its request: how it ended says what happened.
    }
  }

  private void killGroup() throws InterruptedException {
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill", e);
    }
    process.destroyForcibly(); // in case the group was not the launcher's own
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Exactly one JSON object and nothing else; or nothing at all with status 0 (CNI DEL's success). */
  private static PluginOutcome answer(int status, String stdout, String stderr, long millis) {
    if (stdout.isBlank()) {
      return status == 0 ? new PluginOutcome.Answered(status, null, millis)
          : new PluginOutcome.Malformed(status, stdout, stderr, millis);
    }
    try (JsonParser parser = JSON.createParser(stdout)) {
      JsonNode answer = JSON.readTree(parser);
      if (answer != null && answer.isObject() && parser.nextToken() == null && stdout.endsWith("}\n")) {
        return new PluginOutcome.Answered(status, answer, millis);
      }
    } catch (IOException notJson) {
      // reported below
    }
    return new PluginOutcome.Malformed(status, stdout, stderr, millis);
  }

  private static Path temporaryFile(Path dir, String suffix) {
    try {
      return Files.createTempFile(dir, "chaos-request-", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a file in the run's temporary directory, removed with it
    }
  }
}
