package org.calicomesos.app.admin.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.io.PrintStream;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;

/** The pool {@code pool remove} removed. */
record PoolRemovedReport(IPAddress cidr) implements Report {
  @Override
  public void printText(PrintStream out) {
    out.println("removed pool " + cidr.toCanonicalString());
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("removed_pool", cidr.toCanonicalString());
    return json;
  }
}
