package org.calicomesos.app.admin.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.ReadoutText;
import org.calicomesos.app.admin.rule.NumberedRules;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.StoredProfile;

/** How a profile's two records appear, shared by {@code profile list} and {@code show}. */
final class ProfileFields {
  private ProfileFields() {}

  /** {@code name}, {@code tags} (null without a readable record) and {@code tags_unreadable}. */
  static ObjectNode json(StoredProfile profile) {
    ObjectNode json = JsonDocument.object();
    json.put("name", profile.name().value());
    json.set("tags", profile.tags().value().map(ProfileFields::tags).orElse(null));
    json.put("tags_unreadable", profile.tags().problem().orElse(null));
    return json;
  }

  static String tagsText(StoredProfile profile) {
    return ReadoutText.of(profile.tags(), tags -> tags.isEmpty() ? "-" : String.join(",", tags), "-");
  }

  /** "1 inbound, 1 outbound", "none recorded", or why the rules cannot be read. */
  static String rulesText(StoredProfile profile) {
    return ReadoutText.of(profile.rules(), ProfileFields::counts, "none recorded");
  }

  /** Both directions' rules, numbered as {@code profile rule add|remove --at} counts them. */
  static void printRules(ProfilePolicy rules, PrintStream out) {
    NumberedRules.print("inbound rules", rules.inbound(), out);
    NumberedRules.print("outbound rules", rules.outbound(), out);
  }

  private static String counts(ProfilePolicy rules) {
    return rules.inbound().size() + " inbound, " + rules.outbound().size() + " outbound";
  }

  private static ArrayNode tags(List<String> tags) {
    ArrayNode array = JsonDocument.array();
    tags.forEach(array::add);
    return array;
  }
}
