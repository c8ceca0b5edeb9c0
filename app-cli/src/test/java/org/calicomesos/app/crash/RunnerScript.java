package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link CrashRunner} JVM does, in order, and where it says what happened: the watched request's step
 * names go to {@code steps}, one line each; every action's outcome to {@code results} (see {@link RunnerResult}).
 *
 * @param addresses what {@link RunnerAction#ADDRESSES} stands for until a request answers addresses of its own
 */
record RunnerScript(Path steps, Path results, List<String> addresses, List<RunnerAction> actions) {
  static final ObjectMapper JSON = new ObjectMapper();

  RunnerScript {
    addresses = List.copyOf(addresses);
    actions = List.copyOf(actions);
  }

  void write(Path file) throws IOException {
    ObjectNode json = JSON.createObjectNode().put("steps", steps.toString()).put("results", results.toString());
    addresses.forEach(json.putArray("addresses")::add);
    var array = json.putArray("actions");
    actions.forEach(action -> array.add(action.toJson()));
    JSON.writeValue(file.toFile(), json);
  }

  static RunnerScript read(Path file) throws IOException {
    JsonNode json = JSON.readTree(file.toFile());
    List<String> addresses = new ArrayList<>();
    json.path("addresses").forEach(address -> addresses.add(address.asText()));
    List<RunnerAction> actions = new ArrayList<>();
    json.path("actions").forEach(action -> actions.add(RunnerAction.fromJson(action)));
    return new RunnerScript(Path.of(json.path("steps").asText()), Path.of(json.path("results").asText()), addresses,
        actions);
  }
}
