package org.calicomesos.ports.policy;

import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.PolicyName;

/** The policies that apply to one endpoint, per direction, in evaluation order, and the labels they selected on. */
public record PolicySelection(Map<String, String> labels, List<PolicyName> ingress, List<PolicyName> egress) {
  public PolicySelection {
    labels = Map.copyOf(labels);
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }
}
