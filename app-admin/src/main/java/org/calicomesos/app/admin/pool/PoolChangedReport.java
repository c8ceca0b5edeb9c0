package org.calicomesos.app.admin.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.ipam.Pool;

/** The pool as {@code pool encapsulation} or {@code pool nat-outgoing} left it: the text names the setting changed. */
record PoolChangedReport(Pool pool, Setting setting) implements Report {
  /** The setting a command changes. */
  enum Setting { ENCAPSULATION, NAT_OUTGOING }

  @Override
  public void printText(PrintStream out) {
    out.println("pool " + pool + ": " + switch (setting) {
      case ENCAPSULATION -> "encapsulation " + pool.encapsulation().setting();
      case NAT_OUTGOING -> "NAT outgoing " + PoolFields.onOff(pool.natOutgoing());
    });
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.set("pool", PoolFields.json(pool));
    return json;
  }
}
