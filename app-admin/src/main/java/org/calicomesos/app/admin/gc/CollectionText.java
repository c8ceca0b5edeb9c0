package org.calicomesos.app.admin.gc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.io.PrintStream;
import java.util.Locale;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Quantity;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.app.config.DurationText;
import org.calicomesos.ports.gc.CollectionReport;
import org.calicomesos.ports.gc.Leak;

/** {@code gc}: each candidate, what became of it and why it counts as dead. */
record CollectionText(CollectionReport report) implements Report {
  @Override
  public void printText(PrintStream out) {
    String grace = DurationText.format(report.grace());
    if (report.leaks().isEmpty()) {
      out.println("node " + report.node() + ": no leaks found");
      return;
    }
    TextTable table = new TextTable(Column.left("KIND"), Column.left("SUBJECT"), Column.left("OUTCOME"),
        Column.left("SEEN SINCE"), Column.left("WHY"));
    for (Leak leak : report.leaks()) {
      String freed = leak.freed().isEmpty() ? "" : " (released " + String.join(", ",
          leak.freed().stream().map(IPAddress::toCanonicalString).toList()) + ")";
      table.row(leak.kind().label(), leak.subject(), outcome(leak.outcome()), leak.since(), leak.reason() + freed);
    }
    table.print(out);
    out.println("node " + report.node() + (report.dryRun() ? ", dry run" : "") + ", grace " + grace + ": "
        + Quantity.of(report.count(Leak.Outcome.FREED), "freed", "freed") + ", "
        + report.count(Leak.Outcome.WOULD_FREE) + " would be freed, "
        + report.count(Leak.Outcome.WAITING) + " within their grace, "
        + report.count(Leak.Outcome.SETTLED) + " no longer leaks");
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("node", report.node().value());
    json.put("at", report.at().toString());
    json.put("grace", DurationText.format(report.grace()));
    json.put("dry_run", report.dryRun());
    ArrayNode leaks = json.putArray("leaks");
    for (Leak leak : report.leaks()) {
      ObjectNode item = leaks.addObject()
          .put("kind", leak.kind().label())
          .put("subject", leak.subject())
          .put("outcome", outcome(leak.outcome()))
          .put("since", leak.since().toString())
          .put("reason", leak.reason());
      ArrayNode freed = item.putArray("released");
      leak.freed().forEach(address -> freed.add(address.toCanonicalString()));
    }
    json.put("freed", report.count(Leak.Outcome.FREED));
    return json;
  }

  private static String outcome(Leak.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
