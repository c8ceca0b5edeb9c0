package org.calicomesos.app.admin.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.ipam.Pool;

/** The pool {@code pool add} created, with the block size the IPAM chose. */
record PoolAddedReport(Pool pool) implements Report {
  @Override
  public void printText(PrintStream out) {
    out.println("added " + pool.family().displayName() + " pool " + pool + " with /" + pool.blockPrefixLength()
        + " blocks (" + pool.blockSize() + " addresses each), strict affinity " + (pool.strictAffinity() ? "on" : "off")
        + ", encapsulation " + pool.encapsulation().setting() + ", NAT outgoing "
        + PoolFields.onOff(pool.natOutgoing()));
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.set("added_pool", PoolFields.json(pool));
    return json;
  }
}
