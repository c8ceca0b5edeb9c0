package org.calicomesos.app.admin.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** One thing shown in full, for people: a {@code name:  value} line per field, the values lined up. */
public final class KeyValueLines {
  private final List<String[]> lines = new ArrayList<>();

  /** Adds a line; {@code value} is shown with {@code String.valueOf}. */
  public KeyValueLines line(String name, Object value) {
    lines.add(new String[] {name + ":", String.valueOf(value)});
    return this;
  }

  public void print(PrintStream out) {
    int width = lines.stream().mapToInt(line -> line[0].length()).max().orElse(0);
    for (String[] line : lines) {
      out.println((line[0] + " ".repeat(width - line[0].length()) + "  " + line[1]).stripTrailing());
    }
  }
}
