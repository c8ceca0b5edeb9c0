package org.calicomesos.app.admin.diags;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.calicomesos.app.admin.AdminUseCases;
import org.calicomesos.app.admin.Invocation;

/**
 * A JSON file that is exactly what an admin command prints with {@code -o json}, run in this process on this
 * run's services (one datastore connection for all of them). {@code ipam check} exits 1 when it finds problems:
 * its report is still the item; only an error on stderr, or no output at all, fails it.
 */
final class AdminCommandItem implements DiagnosticItem {
  private final String name;
  private final Invocation invocation;
  private final Function<AdminUseCases, List<String>> arguments;

  /** @param arguments the command line after {@code calico-mesos}, given the services (for this node's name) */
  AdminCommandItem(String name, Invocation invocation, Function<AdminUseCases, List<String>> arguments) {
    this.name = name;
    this.invocation = invocation;
    this.arguments = arguments;
  }

  static AdminCommandItem of(String name, Invocation invocation, String... arguments) {
    return new AdminCommandItem(name, invocation, ignored -> List.of(arguments));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public ItemText collect() {
    List<String> args = arguments.apply(invocation.useCases());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = invocation.runNested(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    String errors = err.toString(StandardCharsets.UTF_8).strip();
    if (errors.isEmpty() && !printed.isBlank()) {
      return ItemText.collected(printed);
    }
    String reason = errors.lines().findFirst().map(line -> line.replaceFirst("^error: ", "")).orElse("no output");
    return ItemText.failed(reason, "$ calico-mesos " + String.join(" ", args) + "\n" + printed + errors
        + "\n(exit status " + status + ")\n");
  }
}
