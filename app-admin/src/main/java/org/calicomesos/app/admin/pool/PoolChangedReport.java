package org.calicomesos.app.admin.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.ipam.Pool;

/** The pool as {@code pool encapsulation} left it. */
record PoolChangedReport(Pool pool) implements Report {
  @Override
  public void printText(PrintStream out) {
    out.println("pool " + pool + ": encapsulation " + pool.encapsulation().setting());
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.set("pool", PoolFields.json(pool));
    return json;
  }
}
