package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.policy.PolicyWrite;

/** What {@code policy apply} did with each policy, in the order of the input. */
record PolicyApplyReport(List<PolicyWrite> writes) implements Report {
  @Override
  public void printText(PrintStream out) {
    writes.forEach(write -> out.println("policy " + write.name() + " " + outcome(write)));
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    ArrayNode array = json.putArray("policies");
    writes.forEach(write -> array.addObject().put("name", write.name().value()).put("outcome", outcome(write)));
    return json;
  }

  private static String outcome(PolicyWrite write) {
    return write.outcome().name().toLowerCase(Locale.ROOT);
  }
}
