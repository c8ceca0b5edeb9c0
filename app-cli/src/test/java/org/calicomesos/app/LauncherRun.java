package org.calicomesos.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One run of a launcher script: JSON on stdin, and what came back on stdout and stderr, with the status. */
public record LauncherRun(int status, String stdout, String stderr) {
  static LauncherRun of(Path launcher, Path workingDirectory, Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    return of(List.of(), launcher, workingDirectory, env, stdin, args);
  }

  /** As {@link #of}, the launcher run inside network namespace {@code namespace}: a host of a multi-host test. */
  public static LauncherRun inNamespace(String namespace, Path launcher, Path workingDirectory,
      Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
    return of(List.of("ip", "netns", "exec", namespace), launcher, workingDirectory, env, stdin, args);
  }

  private static LauncherRun of(List<String> prefix, Path launcher, Path workingDirectory, Map<String, String> env,
      String stdin, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command(prefix, launcher, args)).directory(workingDirectory.toFile());
    configureOnly(builder, env);
    boolean viaSharedAgent = args.length == 0 && !env.containsKey("CALICO_AGENT_SOCKET") && SharedAgent.enabled();
    if (args.length == 0 && !env.containsKey("CALICO_AGENT_SOCKET")) {
      // Either the shared test agent, or none at all: never an agent this machine happens to run.
      builder.environment().put("CALICO_AGENT_SOCKET",
          viaSharedAgent ? SharedAgent.socket().toString() : "/nonexistent/calico-mesos-agent.sock");
    }
    long answeredBefore = viaSharedAgent ? SharedAgent.answered() : 0;
    LauncherRun run = run(builder, stdin);
    if (viaSharedAgent && SharedAgent.answered() <= answeredBefore) {
      throw new AssertionError("the shared agent did not answer this request; the plugin handled it in-process:\n"
          + run.stderr());
    }
    return run;
  }

  /**
   * Gives the process {@code env} as its whole configuration: this JVM's own CALICO_, ETCD_ and CONSUL_
   * variables are not the Mesos agent's, so they go first.
   */
  static void configureOnly(ProcessBuilder builder, Map<String, String> env) {
    builder.environment().keySet().removeIf(name -> name.startsWith("CALICO_") || name.startsWith("ETCD_")
        || name.startsWith("CONSUL_"));
    builder.environment().putAll(env);
  }

  private static LauncherRun run(ProcessBuilder builder, String stdin) throws IOException, InterruptedException {
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The process may stop reading early (a refused oversized request); its answer is what counts.
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("launcher did not finish within 60 s");
    }
    return new LauncherRun(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  private static List<String> command(List<String> prefix, Path launcher, String... args) {
    List<String> command = new java.util.ArrayList<>(prefix);
    command.add(launcher.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
