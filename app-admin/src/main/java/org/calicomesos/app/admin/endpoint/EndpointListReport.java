package org.calicomesos.app.admin.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.ReadoutText;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.endpoint.EndpointDetails;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.NodeName;

/** {@code endpoint list}: one row per endpoint record, an unreadable one with its reason as its state. */
record EndpointListReport(List<WorkloadEndpoint> endpoints, Optional<NodeName> host) implements Report {
  @Override
  public void printText(PrintStream out) {
    if (endpoints.isEmpty()) {
      out.println("no endpoints are recorded" + host.map(node -> " on host " + node).orElse(""));
      return;
    }
    TextTable table = new TextTable(Column.left("NODE"), Column.left("CONTAINER"), Column.left("INTERFACE"),
        Column.left("IPV4"), Column.left("IPV6"), Column.left("PROFILES"), Column.left("STATE"));
    for (WorkloadEndpoint endpoint : endpoints) {
      Optional<EndpointDetails> details = endpoint.details().value();
      if (details.isEmpty()) {
        table.row(endpoint.node(), endpoint.container(), "-", "-", "-", "-",
            ReadoutText.of(endpoint.details(), EndpointDetails::state, "-"));
        continue;
      }
      EndpointDetails d = details.get();
      table.row(endpoint.node(), endpoint.container(), d.interfaceName(), EndpointFields.nets(d.ipv4Nets(), ","),
          EndpointFields.nets(d.ipv6Nets(), ","), EndpointFields.profiles(d.profiles(), ","), d.state());
    }
    table.print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("host", host.map(NodeName::value).orElse(null));
    ArrayNode array = json.putArray("endpoints");
    endpoints.forEach(endpoint -> array.add(EndpointFields.json(endpoint)));
    return json;
  }
}
