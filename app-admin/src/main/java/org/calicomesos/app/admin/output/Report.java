package org.calicomesos.app.admin.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/** What a command shows, in both output formats; {@link OutputOption#print} picks one. */
public interface Report {
  /** For people: sentences and {@link TextTable}s. */
  void printText(PrintStream out);

  /** For scripts: one object with snake_case fields and addresses as canonical strings; the shape is stable. */
  ObjectNode toJson();
}
