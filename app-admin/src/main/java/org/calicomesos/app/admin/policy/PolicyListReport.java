package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.ports.policy.StoredPolicy;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;

/** {@code policy list}: one row per policy record, an unreadable one saying why. */
record PolicyListReport(List<StoredPolicy> policies) implements Report {
  @Override
  public void printText(PrintStream out) {
    if (policies.isEmpty()) {
      out.println("no policies are recorded; 'policy apply -f FILE' writes them");
      return;
    }
    TextTable table = new TextTable(Column.left("NAME"), Column.right("ORDER"), Column.left("SELECTOR"),
        Column.left("TYPES"), Column.right("INGRESS"), Column.right("EGRESS"));
    for (StoredPolicy stored : policies) {
      if (stored.policy().value().isEmpty()) {
        table.row(stored.name(), "-", "unreadable: " + stored.policy().problem().orElse("no record"), "-", "-", "-");
        continue;
      }
      NetworkPolicy policy = stored.policy().value().get();
      table.row(policy.name(), order(policy), policy.selector().text(), types(policy), policy.ingress().size(),
          policy.egress().size());
    }
    table.print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    ArrayNode array = json.putArray("policies");
    for (StoredPolicy stored : policies) {
      ObjectNode entry = array.addObject().put("name", stored.name().value());
      NetworkPolicy policy = stored.policy().value().orElse(null);
      if (policy != null && policy.order().isPresent()) {
        entry.put("order", policy.order().getAsDouble());
      } else {
        entry.putNull("order");
      }
      entry.put("selector", policy == null ? null : policy.selector().text());
      if (policy == null) {
        entry.putNull("types");
      } else {
        ArrayNode types = entry.putArray("types");
        EnumSet.copyOf(policy.types()).forEach(type -> types.add(type.keyword()));
      }
      entry.put("ingress_rule_count", policy == null ? null : policy.ingress().size());
      entry.put("egress_rule_count", policy == null ? null : policy.egress().size());
      entry.put("unreadable", stored.policy().problem().orElse(null));
    }
    return json;
  }

  /** {@code 10}, {@code 2.5}, or {@code -} for a policy without one (evaluated last). */
  static String order(NetworkPolicy policy) {
    if (policy.order().isEmpty()) {
      return "-";
    }
    double order = policy.order().getAsDouble();
    return CalicoPolicyDocument.isWhole(order) ? Long.toString((long) order) : Double.toString(order);
  }

  private static String types(NetworkPolicy policy) {
    return EnumSet.copyOf(policy.types()).stream().map(PolicyType::keyword).collect(Collectors.joining(","));
  }
}
