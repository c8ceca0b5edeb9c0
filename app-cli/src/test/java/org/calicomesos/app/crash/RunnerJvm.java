package org.calicomesos.app.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.calicomesos.app.LauncherStorm;

/**
 * Starts {@link CrashRunner} JVMs on a host, as {@code bin/calico-mesos} starts the plugin there: inside the host's
 * namespace, with the launcher's JVM flags and the build's class-data archive (so that a cold start costs what a
 * request's does), with the test classes after the jar on the class path.
 */
final class RunnerJvm {
  private static final Path TARGET = LauncherStorm.LAUNCHER.getParent().getParent().resolve("app-cli/target");
  private static final long TIMEOUT_SECONDS = 120;

  private RunnerJvm() {}

  /** Runs {@code script} in a JVM of its own; its exit status ({@link StepCounter#KILLED} when halted). */
  static int run(String namespace, CrashStore store, RunnerScript script, Path dir) throws IOException,
      InterruptedException {
    Path scriptFile = Files.createTempFile(dir, "runner-", ".json");
    script.write(scriptFile);
    Process process = new ProcessBuilder(command(namespace, store, scriptFile.toString()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.appendTo(stderrFile(dir).toFile()))
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the runner did not finish within " + TIMEOUT_SECONDS + " s; see " + dir);
    }
    return process.exitValue();
  }

  /** The command line of a runner in {@code namespace} with {@code args}, its archive chosen for {@code store}. */
  static List<String> command(String namespace, CrashStore store, String... args) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-Xss512k", "-Xms16m",
        "-Xmx256m", "-Djava.locale.providers=COMPAT", "-Xlog:disable", "-Xlog:all=warning:stderr"));
    Path archive = TARGET.resolve(store == CrashStore.SQLITE ? "calico-mesos.jsa" : "calico-mesos-cluster.jsa");
    if (Files.exists(archive)) {
      command.add("-XX:SharedArchiveFile=" + archive);
    }
    Path sqliteNative = TARGET.resolve("sqlite-native/org/sqlite/native/Linux/" + machine());
    if (Files.exists(sqliteNative.resolve("libsqlitejdbc.so"))) {
      command.addAll(List.of("-Dorg.sqlite.lib.path=" + sqliteNative, "-Dorg.sqlite.lib.name=libsqlitejdbc.so"));
    }
    // The jar first, as the archive was recorded with it; then this test JVM's class path (the runner, testkit).
    command.addAll(List.of("-cp", TARGET.resolve("calico-mesos.jar") + File.pathSeparator
        + System.getProperty("java.class.path"), CrashRunner.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** The directory sqlite-jdbc names the machine's native library by ({@code uname -m}). */
  private static String machine() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") ? "x86_64" : arch;
  }

  static Path stderrFile(Path dir) {
    return dir.resolve("runner.err");
  }

  /** What the runners of {@code dir} printed on stderr (their logs and stack traces), for a failure's message. */
  static String stderr(Path dir) {
    try {
      Path err = stderrFile(dir);
      return Files.exists(err) ? Files.readString(err) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
