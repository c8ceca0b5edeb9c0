package org.calicomesos.adapters.iproute2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.dataplane.DataplaneException;

/**
 * Runs one command from an argv list (never a shell), feeding it {@code stdin}, bounded by a timeout after which it
 * is killed. Whether a non-zero exit is an error is for the caller to say, from the captured stderr.
 */
final class CommandRunner {
  private final Duration timeout;

  CommandRunner(Duration timeout) {
    this.timeout = timeout;
  }

  CommandResult run(List<String> argv, String stdin) {
    Process process;
    try {
      process = new ProcessBuilder(argv).start();
    } catch (IOException e) {
      throw new DataplaneException("cannot start " + argv.get(0) + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The command exited before reading all of its input; its exit status and stderr say why.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new DataplaneException("cannot run '" + String.join(" ", argv) + "': it did not finish within "
            + timeout.toMillis() + " ms and was killed");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new DataplaneException("cannot run '" + String.join(" ", argv) + "': interrupted", e);
    }
    return new CommandResult(process.exitValue(), stdout.join(), stderr.join().strip());
  }

  CommandResult run(List<String> argv) {
    return run(argv, "");
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    // Read both pipes while the command runs, so a chatty command cannot block on a full pipe. Each on a thread of
    // its own that ends with the pipe, not the common pool: a new thread starts in its creator's network namespace,
    // so a pool worker created by a caller inside another namespace (a route table under test) would stay there
    // and later run other callers' work in it.
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (stream) {
        text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        text.complete("");
      }
    }, "command-output");
    reader.setDaemon(true);
    reader.start();
    return text;
  }
}
