package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a runner's results file: an action as it was about to run ({@code status} null: its stdin with the
 * addresses filled in, which a retry repeats), or as it answered (its exit status and stdout). A halted action has
 * only the first.
 */
record RunnerResult(String label, String stdin, Integer status, String stdout) {
  static RunnerResult started(String label, String stdin) {
    return new RunnerResult(label, stdin, null, null);
  }

  boolean finished() {
    return status != null;
  }

  /** stdout as JSON (an admin command's {@code --output json}, a plugin's answer). */
  JsonNode json() {
    try {
      return RunnerScript.JSON.readTree(stdout);
    } catch (IOException e) {
      throw new AssertionError(label + " printed no JSON (exit " + status + "): " + stdout, e);
    }
  }

  void appendTo(Path file) {
    try {
      ObjectNode json = RunnerScript.JSON.createObjectNode().put("label", label).put("stdin", stdin)
          .put("status", status).put("stdout", stdout);
      Files.writeString(file, json + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static List<RunnerResult> readAll(Path file) throws IOException {
    List<RunnerResult> results = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        JsonNode json = RunnerScript.JSON.readTree(line);
        results.add(new RunnerResult(json.path("label").asText(), json.path("stdin").asText(),
            json.hasNonNull("status") ? json.path("status").asInt() : null,
            json.hasNonNull("stdout") ? json.path("stdout").asText() : null));
      }
    }
    return results;
  }
}
