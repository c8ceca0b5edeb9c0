package org.calicomesos.app.admin.ipam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.stream.Collectors;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.ipam.BlockRelease;

/** What {@code ipam release-block} removed. */
record BlockReleaseReport(BlockRelease release) implements Report {
  @Override
  public void printText(PrintStream out) {
    String block = release.block().toCanonicalString();
    if (release.alreadyGone()) {
      out.println("block " + block + " is already released: nothing to do");
      return;
    }
    out.println("released block " + block + (release.claimsRemoved().isEmpty() ? ""
        : " (claimed by " + release.claimsRemoved().stream().map(Object::toString).collect(Collectors.joining(", "))
            + ")"));
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("block", release.block().toCanonicalString());
    json.put("block_removed", release.blockRemoved());
    ArrayNode claims = json.putArray("claims_removed");
    release.claimsRemoved().forEach(node -> claims.add(node.value()));
    return json;
  }
}
