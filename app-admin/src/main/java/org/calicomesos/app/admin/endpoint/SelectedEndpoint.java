package org.calicomesos.app.admin.endpoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.ports.endpoint.WorkloadEndpoint;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.ManagePoliciesUseCase;
import org.calicomesos.ports.policy.PolicySelection;

/** An endpoint with the policies that select it; none are known when its record cannot be read. */
record SelectedEndpoint(WorkloadEndpoint endpoint, Optional<PolicySelection> selection) {
  static SelectedEndpoint of(WorkloadEndpoint endpoint, ManagePoliciesUseCase policies) {
    return new SelectedEndpoint(endpoint, endpoint.details().value()
        .map(details -> policies.selectionFor(details.labels(), details.profiles())));
  }

  /** Policy names in evaluation order, or "none". */
  static String names(List<PolicyName> policies) {
    return policies.isEmpty() ? "none" : policies.stream().map(PolicyName::value).collect(Collectors.joining(", "));
  }

  /** {@code selector_labels}, {@code ingress_policies}, {@code egress_policies}: null without a readable record. */
  void putJson(ObjectNode json) {
    PolicySelection shown = selection.orElse(null);
    json.set("selector_labels", shown == null ? null : EndpointFields.labelObject(shown.labels()));
    json.set("ingress_policies", shown == null ? null : array(shown.ingress()));
    json.set("egress_policies", shown == null ? null : array(shown.egress()));
  }

  private static ArrayNode array(List<PolicyName> policies) {
    ArrayNode array = JsonDocument.array();
    policies.forEach(policy -> array.add(policy.value()));
    return array;
  }
}
