package org.calicomesos.testkit.dataplane;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command the tests use to arrange or read the kernel ({@code ip}, {@code nsenter}, {@code socat}) from an
 * argv list, never a shell, bounded in time. A non-zero exit fails the test with the command's stderr.
 */
public final class KernelCommand {
  private static final long TIMEOUT_SECONDS = 15;

  private KernelCommand() {}

  /** The command's stdout; fails the test if it exits non-zero or runs too long. */
  public static String run(List<String> argv) {
    Result result = attempt(argv);
    if (result.exitCode() != 0) {
      throw new AssertionError("command " + argv + " exited " + result.exitCode() + ": " + result.stderr().strip());
    }
    return result.stdout();
  }

  public static String run(String... argv) {
    return run(List.of(argv));
  }

  /** Runs the command and reports how it ended, for steps that may fail (cleanup, probes). */
  public static Result attempt(List<String> argv) {
    try {
      Process process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      CompletableFuture<String> stdout = drain(process.getInputStream());
      CompletableFuture<String> stderr = drain(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("command " + argv + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + argv, e);
    }
  }

  public static Result attempt(String... argv) {
    return attempt(List.of(argv));
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** How a command ended. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }
}
