package org.calicomesos.adapters.bird;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.routing.bgp.BgpSpeakerException;

/**
 * Runs {@code bird} or {@code birdc} from an argv list (never a shell), bounded in time, and reports how it
 * ended. Both tools print their complaints on one stream or the other, so the two are read as one.
 */
final class BirdProcess {
  private final Duration timeout;

  BirdProcess(Duration timeout) {
    this.timeout = timeout;
  }

  /** How a run ended: its exit status and everything it printed. */
  record Result(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  Result run(List<String> argv) {
    Process process;
    try {
      process = new ProcessBuilder(argv).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new BgpSpeakerException("cannot run " + argv.get(0) + " (is the bird2 package installed?): "
          + e.getMessage(), e);
    }
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new BgpSpeakerException("cannot run " + String.join(" ", argv) + ": it did not finish within "
            + timeout.toMillis() + " ms and was killed");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BgpSpeakerException("cannot run " + String.join(" ", argv) + ": interrupted", e);
    }
    return new Result(process.exitValue(), output.join());
  }

  private static String readAll(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
