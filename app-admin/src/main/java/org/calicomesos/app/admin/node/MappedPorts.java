package org.calicomesos.app.admin.node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.PortMapping;

/**
 * {@code node show}'s host ports mapped on this host, read from its endpoint records (what the agent maps), by
 * protocol and port. A record that cannot be read maps nothing here; {@code endpoint list} shows it as unreadable.
 */
record MappedPorts(List<MappedPort> ports) {
  /** One host port and the container it reaches. */
  record MappedPort(PortMapping mapping, ContainerId container) {}

  MappedPorts {
    ports = List.copyOf(ports);
  }

  static MappedPorts of(List<WorkloadEndpoint> endpoints) {
    List<MappedPort> ports = new ArrayList<>();
    for (WorkloadEndpoint endpoint : endpoints) {
      endpoint.details().value().ifPresent(details -> details.portMappings()
          .forEach(mapping -> ports.add(new MappedPort(mapping, endpoint.container()))));
    }
    ports.sort(Comparator.comparing((MappedPort port) -> port.mapping().protocol())
        .thenComparingInt(port -> port.mapping().hostPort()));
    return new MappedPorts(ports);
  }

  /** A table after the rest, when any port is mapped: most hosts map none, and their output stays as it was. */
  void print(PrintStream out) {
    if (ports.isEmpty()) {
      return;
    }
    out.println();
    TextTable table = new TextTable(Column.left("PROTOCOL"), Column.right("HOST PORT"), Column.right("CONTAINER PORT"),
        Column.left("CONTAINER"));
    ports.forEach(port -> table.row(port.mapping().protocol().keyword(), port.mapping().hostPort(),
        port.mapping().containerPort(), port.container()));
    table.print(out);
  }

  ArrayNode toJson() {
    ArrayNode array = JsonDocument.array();
    ports.forEach(port -> array.addObject()
        .put("protocol", port.mapping().protocol().keyword())
        .put("host_port", port.mapping().hostPort())
        .put("container_port", port.mapping().containerPort())
        .put("container_id", port.container().value()));
    return array;
  }
}
