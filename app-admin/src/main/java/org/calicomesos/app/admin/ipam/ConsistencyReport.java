package org.calicomesos.app.admin.ipam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Quantity;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.IpamProblem;

/** {@code ipam check}: what was read from which datastore, and each problem found. */
record ConsistencyReport(IpamCheckReport check, String datastore) implements Report {
  @Override
  public void printText(PrintStream out) {
    out.println("checked " + datastore + ": " + Quantity.of(check.pools(), "pool", "pools") + ", "
        + Quantity.of(check.blocks(), "block", "blocks") + ", " + Quantity.of(check.handles(), "handle", "handles") + ", "
        + Quantity.of(check.allocated(), "assigned address", "assigned addresses"));
    if (check.clean()) {
      out.println("no problems found");
      return;
    }
    TextTable table = new TextTable(Column.left("PROBLEM"), Column.left("SUBJECT"), Column.left("DETAIL"));
    for (IpamProblem problem : check.problems()) {
      table.row(kind(problem), problem.subject(), problem.detail());
    }
    table.print(out);
    out.println(Quantity.of(check.problems().size(), "problem", "problems") + " found");
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("datastore", datastore);
    json.put("pools", check.pools());
    json.put("blocks", check.blocks());
    json.put("handles", check.handles());
    json.put("allocated", check.allocated());
    json.put("clean", check.clean());
    ArrayNode problems = json.putArray("problems");
    for (IpamProblem problem : check.problems()) {
      problems.addObject().put("kind", kind(problem)).put("subject", problem.subject()).put("detail", problem.detail());
    }
    return json;
  }

  private static String kind(IpamProblem problem) {
    return problem.kind().name().toLowerCase(Locale.ROOT);
  }
}
