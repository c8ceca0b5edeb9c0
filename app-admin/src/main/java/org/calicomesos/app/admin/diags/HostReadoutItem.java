package org.calicomesos.app.admin.diags;

import java.util.function.Supplier;
import org.calicomesos.ports.diagnostics.HostReadout;
import org.calicomesos.ports.diagnostics.HostReadouts;
import org.calicomesos.ports.diagnostics.ReadoutResult;
import org.calicomesos.ports.diagnostics.ReadoutResult.Status;

/**
 * A text file with one {@link HostReadout}: the command line, what it printed, and how it ended when not plainly.
 * An absent readout (the agent's table before it first ran) is collected: its absence is the finding. One that
 * is {@code optional} (the journal, on a host without systemd) is collected when its tool is not installed.
 */
final class HostReadoutItem implements DiagnosticItem {
  private final String name;
  private final HostReadout readout;
  private final Supplier<HostReadouts> readouts;
  private final boolean optional;

  HostReadoutItem(String name, HostReadout readout, Supplier<HostReadouts> readouts, boolean optional) {
    this.name = name;
    this.readout = readout;
    this.readouts = readouts;
    this.optional = optional;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String extension() {
    return "txt";
  }

  @Override
  public ItemText collect() {
    ReadoutResult result = readouts.get().read(readout);
    StringBuilder text = new StringBuilder("$ ").append(result.command()).append('\n');
    appendLines(text, result.stdout());
    if (!result.stderr().isEmpty()) {
      appendLines(text.append("--- stderr ---\n"), result.stderr());
    }
    if (result.status() != Status.READ) {
      text.append("--- ").append(ending(result.status())).append(": ").append(result.reason()).append(" ---\n");
    }
    boolean collected = result.status() == Status.READ || result.status() == Status.ABSENT
        || (optional && result.status() == Status.UNAVAILABLE);
    return collected ? ItemText.collected(text.toString()) : ItemText.failed(result.reason(), text.toString());
  }

  private static String ending(Status status) {
    if (status == Status.ABSENT) {
      return "absent";
    }
    return status == Status.UNAVAILABLE ? "not run" : "failed";
  }

  private static void appendLines(StringBuilder text, String lines) {
    text.append(lines);
    if (!lines.isEmpty() && !lines.endsWith("\n")) {
      text.append('\n');
    }
  }
}
