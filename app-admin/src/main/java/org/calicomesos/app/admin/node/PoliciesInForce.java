package org.calicomesos.app.admin.node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ManagePoliciesUseCase;
import org.calicomesos.ports.policy.PolicySelection;

/**
 * {@code node show}'s policies in force on this host: those that select at least one of its endpoints, in either
 * direction, by name. An endpoint record that cannot be read selects nothing here.
 */
record PoliciesInForce(List<String> names) {
  PoliciesInForce {
    names = List.copyOf(names);
  }

  static PoliciesInForce of(List<WorkloadEndpoint> endpoints, ManagePoliciesUseCase policies) {
    Set<String> names = new TreeSet<>();
    // Containers of one app share labels and profiles: ask once for each distinct pair.
    Set<Map.Entry<Map<String, String>, List<ProfileName>>> asked = new HashSet<>();
    for (WorkloadEndpoint endpoint : endpoints) {
      endpoint.details().value().ifPresent(details -> {
        if (asked.add(Map.entry(details.labels(), details.profiles()))) {
          PolicySelection selection = policies.selectionFor(details.labels(), details.profiles());
          selection.ingress().stream().map(PolicyName::value).forEach(names::add);
          selection.egress().stream().map(PolicyName::value).forEach(names::add);
        }
      });
    }
    return new PoliciesInForce(List.copyOf(names));
  }

  String text() {
    return names.isEmpty() ? "none select this host's endpoints" : String.join(", ", names);
  }

  ArrayNode toJson() {
    ArrayNode array = JsonDocument.array();
    names.forEach(array::add);
    return array;
  }
}
