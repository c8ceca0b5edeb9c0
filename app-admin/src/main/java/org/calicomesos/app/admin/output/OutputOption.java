package org.calicomesos.app.admin.output;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/** The {@code -o/--output table|json} option every admin command carries, and the printing it selects. */
public final class OutputOption {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = OutputFormat.Converter.class,
      description = "table (aligned columns, the default) or json (one JSON document, snake_case fields).")
  private OutputFormat format = OutputFormat.TABLE;

  public OutputFormat format() {
    return format;
  }

  /** Prints {@code report} to {@code out} in the chosen format. */
  public void print(Report report, PrintStream out) {
    if (format == OutputFormat.JSON) {
      JsonDocument.write(report.toJson(), out);
    } else {
      report.printText(out);
    }
  }
}
