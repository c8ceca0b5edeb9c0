package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calicomesos.app.admin.commandline.AdminCommandLine;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.wiring.AdminComponent;

/**
 * A step's store read in this JVM by the admin CLI's own commands ({@code endpoint list}, {@code ipam check},
 * {@code ipam show} with {@code --output json}): a warm JVM reads in milliseconds what a cold one takes a second
 * for, and the matrix reads twice a step. This JVM is not in the host's namespace, so the check's problems that
 * judge the interfaces it sees ({@code orphan_interface}, {@code dead_endpoint}) are dropped: {@link CrashAssertions}
 * holds the host's interfaces to the records itself, and the finishing runner's own {@code ipam check} runs on the
 * host.
 */
final class StoreReadouts implements AutoCloseable {
  /** The check's problems about the interfaces of the namespace it runs in. */
  private static final Set<String> ABOUT_INTERFACES = Set.of("orphan_interface", "dead_endpoint");

  private final AdminComponent admin;

  StoreReadouts(Map<String, String> env) {
    this.admin = AdminComponent.create(new ConfigurationReader(() -> CrashHost.NODE).read(env));
  }

  /** Endpoints, blocks and the consistency check, as they are now. */
  RecordedState read() {
    return read(withoutInterfaceProblems(command("ipam", "check")));
  }

  /** Endpoints and blocks as they are now, with {@code check} as the host's CLI printed it. */
  RecordedState read(JsonNode check) {
    return new RecordedState(command("endpoint", "list").path("endpoints"), check, command("ipam", "show"));
  }

  private JsonNode command(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> argv = new java.util.ArrayList<>(List.of(args));
    argv.addAll(List.of("--output", "json"));
    int status = AdminCommandLine.execute(argv.toArray(String[]::new), () -> admin,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    // ipam check exits 1 when it finds problems: what it printed is the readout all the same.
    if (status != 0 && !(status == 1 && argv.get(1).equals("check") && printed.startsWith("{"))) {
      throw new AssertionError("calico-mesos " + argv + " failed (exit " + status + "): " + printed
          + err.toString(StandardCharsets.UTF_8));
    }
    try {
      return RunnerScript.JSON.readTree(printed);
    } catch (IOException e) {
      throw new UncheckedIOException("calico-mesos " + argv + " printed no JSON: " + printed, e);
    }
  }

  private static JsonNode withoutInterfaceProblems(JsonNode check) {
    ArrayNode kept = RunnerScript.JSON.createArrayNode();
    check.path("problems").forEach(p -> {
      if (!ABOUT_INTERFACES.contains(p.path("kind").asText())) {
        kept.add(p);
      }
    });
    ObjectNode copy = ((ObjectNode) check).deepCopy();
    copy.set("problems", kept);
    return copy;
  }

  @Override
  public void close() {
    admin.openResources().close();
  }
}
