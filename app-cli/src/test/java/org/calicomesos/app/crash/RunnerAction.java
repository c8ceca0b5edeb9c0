package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing {@link CrashRunner} does in its JVM: a plugin request ({@code net-modules} or {@code cni}: the
 * environment and stdin a caller gives the plugin) or an {@code admin} command line, each with the environment its
 * configuration is read from. In a request's stdin, {@link #ADDRESSES} stands for the addresses the lifecycle holds
 * so far (the last {@code ipv4} answered, or the script's own).
 *
 * @param watch null for a request as production runs it; otherwise its steps are counted and named, and it is
 *     halted after step {@code watch} (0: never)
 */
record RunnerAction(String label, String protocol, Map<String, String> env, String stdin, List<String> args,
    Integer watch) {
  static final String ADDRESSES = "@ADDRESSES@";
  static final String NET_MODULES = "net-modules";
  static final String CNI = "cni";
  static final String ADMIN = "admin";

  RunnerAction {
    env = Map.copyOf(env);
    args = List.copyOf(args);
  }

  static RunnerAction request(String label, String protocol, Map<String, String> env, String stdin) {
    return new RunnerAction(label, protocol, env, stdin, List.of(), null);
  }

  /** {@code calico-mesos <args> --output json}. */
  static RunnerAction admin(String label, Map<String, String> env, String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of(args));
    argv.addAll(List.of("--output", "json"));
    return new RunnerAction(label, ADMIN, env, "", argv, null);
  }

  ObjectNode toJson() {
    ObjectNode json = RunnerScript.JSON.createObjectNode().put("label", label).put("protocol", protocol)
        .put("stdin", stdin);
    ObjectNode variables = json.putObject("env");
    env.forEach(variables::put);
    args.forEach(json.putArray("args")::add);
    if (watch != null) {
      json.put("watch", watch);
    }
    return json;
  }

  // The tree, not data binding: binding a record costs a cold JVM a quarter of a second, and every step starts two.
  static RunnerAction fromJson(JsonNode json) {
    Map<String, String> env = new LinkedHashMap<>();
    json.path("env").properties().forEach(variable -> env.put(variable.getKey(), variable.getValue().asText()));
    List<String> args = new ArrayList<>();
    json.path("args").forEach(arg -> args.add(arg.asText()));
    return new RunnerAction(json.path("label").asText(), json.path("protocol").asText(), env,
        json.path("stdin").asText(), args, json.hasNonNull("watch") ? json.path("watch").asInt() : null);
  }

  /** This request, its steps counted, halted after step {@code step} (0: run to its end). */
  RunnerAction watched(int step) {
    return new RunnerAction(label, protocol, env, stdin, args, step);
  }
}
