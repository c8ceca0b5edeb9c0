package org.calicomesos.app.admin.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.KeyValueLines;
import org.calicomesos.app.admin.output.ReadoutText;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.endpoint.EndpointDetails;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.policy.ManagePoliciesUseCase;

/**
 * {@code endpoint show}: each of the container's endpoints in full, one block each. Usually one; more when the
 * same container id is recorded on several hosts, which is worth seeing.
 */
record EndpointShowReport(List<SelectedEndpoint> endpoints) implements Report {
  /** The endpoints with the policies that select each, as {@code endpoint show} and {@code endpoint label} print. */
  static EndpointShowReport of(List<WorkloadEndpoint> endpoints, ManagePoliciesUseCase policies) {
    return new EndpointShowReport(endpoints.stream().map(endpoint -> SelectedEndpoint.of(endpoint, policies)).toList());
  }

  @Override
  public void printText(PrintStream out) {
    for (int i = 0; i < endpoints.size(); i++) {
      if (i > 0) {
        out.println();
      }
      lines(endpoints.get(i)).print(out);
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    ArrayNode array = json.putArray("endpoints");
    endpoints.forEach(selected -> {
      ObjectNode endpoint = EndpointFields.json(selected.endpoint());
      selected.putJson(endpoint);
      array.add(endpoint);
    });
    return json;
  }

  private static KeyValueLines lines(SelectedEndpoint selected) {
    WorkloadEndpoint endpoint = selected.endpoint();
    KeyValueLines lines = new KeyValueLines()
        .line("node", endpoint.node())
        .line("container", endpoint.container())
        .line("endpoint", endpoint.id());
    if (endpoint.details().value().isEmpty()) {
      return lines.line("state", ReadoutText.of(endpoint.details(), EndpointDetails::state, "-"));
    }
    EndpointDetails d = endpoint.details().value().get();
    return lines
        .line("interface", d.interfaceName())
        .line("MAC", d.mac())
        .line("IPv4 nets", EndpointFields.nets(d.ipv4Nets(), ", "))
        .line("IPv6 nets", EndpointFields.nets(d.ipv6Nets(), ", "))
        .line("profiles", EndpointFields.profiles(d.profiles(), ", "))
        .line("labels", EndpointFields.labels(d.labels()))
        .line("selector labels", selected.selection().map(s -> EndpointFields.labels(s.labels())).orElse("-"))
        .line("ingress policies", selected.selection().map(s -> SelectedEndpoint.names(s.ingress())).orElse("-"))
        .line("egress policies", selected.selection().map(s -> SelectedEndpoint.names(s.egress())).orElse("-"))
        .line("host ports", EndpointFields.portMappings(d.portMappings()))
        .line("handle (uid)", d.handle().map(HandleId::value).orElse("-"))
        .line("state", d.state());
  }
}
