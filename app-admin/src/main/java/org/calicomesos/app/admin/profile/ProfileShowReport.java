package org.calicomesos.app.admin.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Optional;
import org.calicomesos.app.admin.output.KeyValueLines;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.rule.RuleTree;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.StoredProfile;

/** {@code profile show}: the profile's tags, then its rules in order, inbound first, numbered as --at counts them. */
record ProfileShowReport(StoredProfile profile) implements Report {
  @Override
  public void printText(PrintStream out) {
    new KeyValueLines()
        .line("name", profile.name())
        .line("tags", ProfileFields.tagsText(profile))
        .line("rules", ProfileFields.rulesText(profile))
        .print(out);
    Optional<ProfilePolicy> rules = profile.rules().value();
    if (rules.isPresent()) {
      out.println();
      ProfileFields.printRules(rules.get(), out);
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = ProfileFields.json(profile);
    ProfilePolicy rules = profile.rules().value().orElse(null);
    json.set("inbound_rules", rules == null ? null : RuleTree.of(rules.inbound(), RuleTree.Spelling.SNAKE_CASE));
    json.set("outbound_rules", rules == null ? null : RuleTree.of(rules.outbound(), RuleTree.Spelling.SNAKE_CASE));
    json.put("rules_unreadable", profile.rules().problem().orElse(null));
    return json;
  }
}
