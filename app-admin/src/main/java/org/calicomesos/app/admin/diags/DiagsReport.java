package org.calicomesos.app.admin.diags;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Quantity;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;

/** {@code diags}: where the archive is, and which items could not be collected; also the archive's index.json. */
record DiagsReport(Path archive, String node, Instant collectedAt, List<CollectedItem> items) implements Report {
  @Override
  public void printText(PrintStream out) {
    List<CollectedItem> failed = items.stream().filter(item -> !item.collected()).toList();
    out.println("wrote " + archive + " (" + Quantity.of(items.size(), "item", "items")
        + (failed.isEmpty() ? ")" : ", " + failed.size() + " could not be collected; their files say why)"));
    if (failed.isEmpty()) {
      return;
    }
    TextTable table = new TextTable(Column.left("ITEM"), Column.left("FAILURE"));
    failed.forEach(item -> table.row(item.file(), item.failure().orElse("")));
    table.print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("path", archive.toString());
    json.put("node", node);
    json.put("collected_at", collectedAt.toString());
    ArrayNode array = json.putArray("items");
    for (CollectedItem item : items) {
      array.addObject().put("name", item.name()).put("file", item.file()).put("ok", item.collected())
          .put("failure", item.failure().orElse(null));
    }
    return json;
  }
}
