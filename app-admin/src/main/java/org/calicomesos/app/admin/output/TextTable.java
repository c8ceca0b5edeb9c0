package org.calicomesos.app.admin.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A table for people: a header row and aligned columns, numbers flush right, no trailing blanks. */
public final class TextTable {
  private static final String GAP = "  ";

  private final List<Column> columns;
  private final List<String[]> rows = new ArrayList<>();

  /** One column: its heading and which side its values line up on. */
  public record Column(String heading, boolean alignRight) {
    public static Column left(String heading) {
      return new Column(heading, false);
    }

    public static Column right(String heading) {
      return new Column(heading, true);
    }
  }

  public TextTable(Column... columns) {
    this.columns = List.of(columns);
  }

  /** Adds a row; {@code values} are shown with {@code String.valueOf}, one per column. */
  public TextTable row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
    }
    String[] cells = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      cells[i] = String.valueOf(values[i]);
    }
    rows.add(cells);
    return this;
  }

  public void print(PrintStream out) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).heading().length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    out.println(line(columns.stream().map(Column::heading).toArray(String[]::new), widths));
    for (String[] row : rows) {
      out.println(line(row, widths));
    }
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      String padding = " ".repeat(widths[i] - cell.length());
      line.append(i == 0 ? "" : GAP).append(columns.get(i).alignRight() ? padding + cell : cell + padding);
    }
    return line.toString().stripTrailing();
  }
}
