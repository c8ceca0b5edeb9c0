package org.calicomesos.app.admin.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.KeyValueLines;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.output.TextTable;
import org.calicomesos.app.admin.output.TextTable.Column;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.ProfileRule;
import org.calicomesos.ports.policy.StoredProfile;

/** {@code profile show}: the profile's tags, then its rules in order, inbound first (the order they apply in). */
record ProfileShowReport(StoredProfile profile) implements Report {
  @Override
  public void printText(PrintStream out) {
    new KeyValueLines()
        .line("name", profile.name())
        .line("tags", ProfileFields.tagsText(profile))
        .line("rules", ProfileFields.rulesText(profile))
        .print(out);
    Optional<ProfilePolicy> rules = profile.rules().value();
    if (rules.isEmpty() || rules.get().inbound().isEmpty() && rules.get().outbound().isEmpty()) {
      return;
    }
    out.println();
    TextTable table = new TextTable(Column.left("DIRECTION"), Column.left("ACTION"), Column.left("SRC_TAG"),
        Column.left("SRC_NET"), Column.left("DST_NET"));
    rules.get().inbound().forEach(rule -> row(table, "inbound", rule));
    rules.get().outbound().forEach(rule -> row(table, "outbound", rule));
    table.print(out);
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = ProfileFields.json(profile);
    ProfilePolicy rules = profile.rules().value().orElse(null);
    json.set("inbound_rules", rules == null ? null : rules(rules.inbound()));
    json.set("outbound_rules", rules == null ? null : rules(rules.outbound()));
    json.put("rules_unreadable", profile.rules().problem().orElse(null));
    return json;
  }

  private static void row(TextTable table, String direction, ProfileRule rule) {
    table.row(direction, "allow", rule.srcTag().orElse("-"), net(rule.srcNet()).orElse("-"), net(rule.dstNet()).orElse("-"));
  }

  /** Calico v1's rule fields; a condition the rule does not have is null. */
  private static ArrayNode rules(List<ProfileRule> rules) {
    ArrayNode array = JsonDocument.array();
    for (ProfileRule rule : rules) {
      array.addObject()
          .put("action", "allow")
          .put("src_tag", rule.srcTag().orElse(null))
          .put("src_net", net(rule.srcNet()).orElse(null))
          .put("dst_net", net(rule.dstNet()).orElse(null));
    }
    return array;
  }

  private static Optional<String> net(Optional<IPAddress> net) {
    return net.map(IPAddress::toCanonicalString);
  }
}
