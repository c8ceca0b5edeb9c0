package org.calicomesos.app.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A host's warm runner: one {@link CrashRunner} serving scripts in the host's namespace for the whole class. It runs
 * everything of a step but the request under test and its retry (the set-up before, the requests that end the
 * lifecycle, GC and the final check after), so a step pays for two cold JVMs, not four: the CI budget is mostly
 * cold JVMs. It never runs an armed request: that one must die with its own JVM.
 */
final class HostRunner implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 120;

  private final Process process;
  private final Writer scripts;
  private final BufferedReader answers;
  private final Path log;

  private HostRunner(Process process, Path log) {
    this.process = process;
    this.scripts = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.log = log;
  }

  /** A runner in {@code namespace}, logging to {@code log}; it serves both stores, so it maps the larger archive. */
  static HostRunner start(String namespace, Path log) throws IOException {
    Process process = new ProcessBuilder(RunnerJvm.command(namespace, CrashStore.ETCD, CrashRunner.SERVE))
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new HostRunner(process, log);
  }

  /** Runs {@code script} (none of its actions armed) and waits until it is done. */
  void run(RunnerScript script, Path dir) throws Exception {
    if (script.actions().stream().anyMatch(action -> action.watch() != null && action.watch() > 0)) {
      throw new IllegalArgumentException("an armed request must run in a JVM of its own");
    }
    Path scriptFile = Files.createTempFile(dir, "served-", ".json");
    script.write(scriptFile);
    scripts.write(scriptFile + "\n");
    scripts.flush();
    String answer;
    try {
      answer = CompletableFuture.supplyAsync(this::readAnswer).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("the host's runner did not finish " + scriptFile + " within " + TIMEOUT_SECONDS
          + " s; its log: " + log, e);
    }
    if (!CrashRunner.DONE.equals(answer)) {
      throw new AssertionError("the host's runner stopped (answered " + answer + ") in " + scriptFile + "; its log: "
          + log + "\n" + Files.readString(log));
    }
  }

  private String readAnswer() {
    try {
      return answers.readLine();
    } catch (IOException e) {
      return "nothing: " + e.getMessage();
    }
  }

  /** Closing its stdin ends it; a runner that does not end in time is killed. */
  @Override
  public void close() throws Exception {
    try {
      scripts.close();
    } catch (IOException alreadyGone) {
      // the process has ended: nothing to tell it
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
