package org.calicomesos.app.admin.ipam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.io.PrintStream;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.ipam.ReleaseResult;

/** What {@code ipam release} freed, and what was already free. */
record ReleaseReport(ReleaseResult result) implements Report {
  @Override
  public void printText(PrintStream out) {
    if (result.released().isEmpty() && result.alreadyFree().isEmpty()) {
      out.println("nothing to release");
      return;
    }
    TextTable table = new TextTable(Column.left("ADDRESS"), Column.left("RESULT"));
    result.released().forEach(address -> table.row(address.toCanonicalString(), "released"));
    result.alreadyFree().forEach(address -> table.row(address.toCanonicalString(), "already free"));
    table.print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.set("released", addresses(result.released()));
    json.set("already_free", addresses(result.alreadyFree()));
    return json;
  }

  private static ArrayNode addresses(List<IPAddress> addresses) {
    ArrayNode array = JsonDocument.array();
    addresses.forEach(address -> array.add(address.toCanonicalString()));
    return array;
  }
}
