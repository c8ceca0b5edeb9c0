package org.calicomesos.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.Fields;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.core.rule.RuleCodec;
import org.calicomesos.ports.policy.rule.Rule;

/** A profile's two records as Calico v1 wrote them: {@code rules} ({@code inbound_rules},
 * {@code outbound_rules}, each a list of {@link RuleCodec} rules that allow, deny or log) and {@code tags}. */
public final class ProfileCodecs {
  public static final Codec<Rules> RULES = TreeCodec.of(ProfileCodecs::decodeRules, ProfileCodecs::encodeRules);
  public static final Codec<List<String>> TAGS = TreeCodec.of(ProfileCodecs::decodeTags, ProfileCodecs::encodeTags);

  /** The {@code rules} record. */
  public record Rules(List<Rule> inbound, List<Rule> outbound) {
    public Rules {
      inbound = List.copyOf(inbound);
      outbound = List.copyOf(outbound);
    }
  }

  private ProfileCodecs() {}

  private static Rules decodeRules(JsonNode node) {
    Rules rules = new Rules(RuleCodec.decodeAll(Fields.array(node, "inbound_rules"), "inbound_rules"),
        RuleCodec.decodeAll(Fields.array(node, "outbound_rules"), "outbound_rules"));
    for (List<Rule> list : List.of(rules.inbound(), rules.outbound())) {
      if (list.stream().anyMatch(Rule::passes)) {
        throw new IllegalArgumentException("a profile rule cannot pass: pass hands a packet from the policies to the "
            + "profiles");
      }
    }
    return rules;
  }

  private static JsonNode encodeRules(Rules rules) {
    ObjectNode node = JsonTree.object();
    node.set("inbound_rules", RuleCodec.encodeAll(rules.inbound()));
    node.set("outbound_rules", RuleCodec.encodeAll(rules.outbound()));
    return node;
  }

  private static List<String> decodeTags(JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("tags must be a list");
    }
    List<String> tags = new ArrayList<>();
    node.forEach(tag -> tags.add(tag.asText()));
    return tags;
  }

  private static JsonNode encodeTags(List<String> tags) {
    ArrayNode node = JsonTree.array();
    tags.forEach(node::add);
    return node;
  }
}
