package org.calicomesos.app.admin.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.app.admin.rule.RuleTree;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ProfilePolicy;

/** A profile's rules, numbered per direction: {@code profile rule list}, and what {@code profile rule add} left. */
record ProfileRulesReport(ProfileName profile, Readout<ProfilePolicy> rules) implements Report {
  @Override
  public void printText(PrintStream out) {
    if (rules.value().isPresent()) {
      ProfileFields.printRules(rules.value().get(), out);
    } else {
      out.println("rules: " + rules.problem().map(problem -> "unreadable: " + problem).orElse("none recorded"));
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("profile", profile.value());
    ProfilePolicy policy = rules.value().orElse(null);
    json.set("inbound_rules", policy == null ? null : RuleTree.of(policy.inbound(), RuleTree.Spelling.SNAKE_CASE));
    json.set("outbound_rules", policy == null ? null : RuleTree.of(policy.outbound(), RuleTree.Spelling.SNAKE_CASE));
    json.put("rules_unreadable", rules.problem().orElse(null));
    return json;
  }
}
