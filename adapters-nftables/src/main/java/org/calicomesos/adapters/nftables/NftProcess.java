package org.calicomesos.adapters.nftables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calicomesos.ports.policy.PolicyApplyException;

/**
 * Runs {@code nft -f -} with a script on stdin (an argv list, never a shell), bounded in time. nft sends the whole
 * script to the kernel as one transaction, so a refusal changes nothing; it becomes a {@link PolicyApplyException}
 * whose one-line message is nft's first error.
 */
final class NftProcess {
  // "/dev/stdin:57:61-67: Error: Could not process rule: Too many open files in system"
  private static final Pattern LOCATED_ERROR = Pattern.compile("^(?:/dev/stdin|-):(\\d+):\\S*: Error: (.*)$");
  private static final int MAX_REASON = 300;

  private final String nft;
  private final Duration timeout;

  NftProcess(String nft, Duration timeout) {
    this.nft = nft;
    this.timeout = timeout;
  }

  /** Commits {@code script}; {@code change} names it for messages ("replace table inet calico_mesos"). */
  void apply(String script, String change) {
    run(List.of(nft, "-f", "-"), script, change);
  }

  /** Has nft and the kernel validate {@code script} without committing it ({@code nft -c}). */
  void check(String script, String change) {
    run(List.of(nft, "-c", "-f", "-"), script, "check a script to " + change);
  }

  /**
   * Runs {@code nft args…} that only reads, within {@code timeout}: its output, or {@code refused} given nft's first
   * error when it exits with a failure (or why it could not start).
   */
  String read(String what, Duration timeout, Function<String, String> refused, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(nft);
    argv.addAll(List.of(args));
    Finished finished;
    try {
      finished = run(argv, "", what, timeout);
    } catch (PolicyApplyException e) {
      if (e.getCause() instanceof IOException cannotStart) {
        return refused.apply(cannotStart.getMessage()); // nft is not installed, say: the caller decides what it means
      }
      throw e;
    }
    if (finished.status() != 0) {
      return refused.apply(firstError(finished.output(), finished.status()));
    }
    return finished.output();
  }

  private void run(List<String> argv, String script, String change) {
    Finished finished = run(argv, script, change, timeout);
    if (finished.status() != 0) {
      throw new PolicyApplyException("cannot " + change + ": " + nft + " refused, and the table is left as it was: "
          + firstError(finished.output(), finished.status()));
    }
  }

  /** nft's exit status and what it printed, stdout and stderr together. */
  private record Finished(int status, String output) {}

  private Finished run(List<String> argv, String script, String change, Duration within) {
    Process process;
    try {
      process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new PolicyApplyException("cannot run " + nft + " to " + change + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(script.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // nft stopped reading early; its exit status and output say why.
    }
    boolean finished = await(process, change, within);
    if (!finished) {
      process.destroyForcibly();
      throw new PolicyApplyException("cannot " + change + ": " + nft + " did not finish within " + within.toMillis()
          + " ms and was killed" + (script.isEmpty() ? "" : "; the kernel commits a transaction whole or not at all"));
    }
    return new Finished(process.exitValue(), output.join());
  }

  private boolean await(Process process, String change, Duration within) {
    try {
      return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PolicyApplyException("cannot " + change + ": interrupted while waiting for " + nft, e);
    }
  }

  /** nft's first error as one line: "line 57: Could not process rule: …", without the script text it echoes. */
  static String firstError(String output, int exitStatus) {
    String reason = output.lines()
        .filter(line -> line.contains("Error: "))
        .findFirst()
        .map(NftProcess::located)
        .orElseGet(() -> output.lines().filter(line -> !line.isBlank()).findFirst()
            .orElse("exit status " + exitStatus));
    String oneLine = reason.strip().replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "…";
  }

  private static String located(String line) {
    Matcher located = LOCATED_ERROR.matcher(line);
    return located.matches() ? "line " + located.group(1) + ": " + located.group(2)
        : line.substring(line.indexOf("Error: ") + "Error: ".length());
  }

  private static String readAll(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
