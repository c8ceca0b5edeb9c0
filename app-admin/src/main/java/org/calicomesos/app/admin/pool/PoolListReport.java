package org.calicomesos.app.admin.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.ipam.PoolUsage;

/** Every pool with its usage, as {@code pool list} shows them. */
record PoolListReport(List<PoolUsage> pools) implements Report {
  @Override
  public void printText(PrintStream out) {
    if (pools.isEmpty()) {
      out.println("no IP pools; add one with 'calico-mesos pool add CIDR'");
      return;
    }
    PoolFields.printTable(pools, out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.set("pools", PoolFields.json(pools));
    return json;
  }
}
