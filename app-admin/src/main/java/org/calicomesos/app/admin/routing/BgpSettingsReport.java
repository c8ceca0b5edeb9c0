package org.calicomesos.app.admin.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.KeyValueLines;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.routing.bgp.BgpSettings;

/** The cluster's BGP settings, as {@code bgp show} and every {@code bgp} change print them. */
record BgpSettingsReport(BgpSettings settings) implements Report {
  @Override
  public void printText(PrintStream out) {
    new KeyValueLines()
        .line("AS number", settings.asNumber())
        .line("node mesh", settings.nodeMesh() ? "on" : "off")
        .line("explicit peers", settings.explicitPeers().isEmpty() ? "none" : settings.explicitPeers().size())
        .print(out);
    if (!settings.explicitPeers().isEmpty()) {
      out.println();
      TextTable peers = new TextTable(Column.left("PEER"), Column.right("AS"));
      settings.explicitPeers().forEach(peer -> peers.row(peer.address().toCanonicalString(), peer.asNumber()));
      peers.print(out);
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("as_number", settings.asNumber().value());
    json.put("node_mesh", settings.nodeMesh());
    ArrayNode peers = json.putArray("peers");
    settings.explicitPeers().forEach(peer -> peers.addObject().put("ip", peer.address().toCanonicalString())
        .put("as_number", peer.asNumber().value()));
    return json;
  }
}
