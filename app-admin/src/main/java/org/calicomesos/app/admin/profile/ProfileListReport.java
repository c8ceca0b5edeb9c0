package org.calicomesos.app.admin.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.StoredProfile;

/** {@code profile list}: each profile with its tags and how many rules it has each way. */
record ProfileListReport(List<StoredProfile> profiles) implements Report {
  @Override
  public void printText(PrintStream out) {
    if (profiles.isEmpty()) {
      out.println("no profiles are recorded; isolate writes them for the netgroups it is given");
      return;
    }
    TextTable table = new TextTable(Column.left("NAME"), Column.left("TAGS"), Column.left("RULES"));
    for (StoredProfile profile : profiles) {
      table.row(profile.name(), ProfileFields.tagsText(profile), ProfileFields.rulesText(profile));
    }
    table.print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    ArrayNode array = json.putArray("profiles");
    for (StoredProfile profile : profiles) {
      ObjectNode entry = ProfileFields.json(profile);
      ProfilePolicy rules = profile.rules().value().orElse(null);
      entry.put("inbound_rule_count", rules == null ? null : rules.inbound().size());
      entry.put("outbound_rule_count", rules == null ? null : rules.outbound().size());
      entry.put("rules_unreadable", profile.rules().problem().orElse(null));
      array.add(entry);
    }
    return json;
  }
}
