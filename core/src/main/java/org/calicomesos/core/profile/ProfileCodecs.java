package org.calicomesos.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.Fields;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.policy.ProfileRule;

/** A profile's two records as Calico v1 wrote them: {@code rules} ({@code inbound_rules}, {@code outbound_rules}) and {@code tags}. */
public final class ProfileCodecs {
  public static final Codec<Rules> RULES = TreeCodec.of(ProfileCodecs::decodeRules, ProfileCodecs::encodeRules);
  public static final Codec<List<String>> TAGS = TreeCodec.of(ProfileCodecs::decodeTags, ProfileCodecs::encodeTags);

  /** The {@code rules} record. */
  public record Rules(List<ProfileRule> inbound, List<ProfileRule> outbound) {}

  private ProfileCodecs() {}

  private static Rules decodeRules(JsonNode node) {
    return new Rules(rules(Fields.array(node, "inbound_rules")), rules(Fields.array(node, "outbound_rules")));
  }

  private static JsonNode encodeRules(Rules rules) {
    ObjectNode node = JsonTree.object();
    putRules(node.putArray("inbound_rules"), rules.inbound());
    putRules(node.putArray("outbound_rules"), rules.outbound());
    return node;
  }

  private static List<ProfileRule> rules(JsonNode array) {
    List<ProfileRule> rules = new ArrayList<>();
    for (JsonNode rule : array) {
      if (!"allow".equals(rule.path("action").asText())) {
        throw new IllegalArgumentException("only allow rules are supported, got action '" + rule.path("action").asText() + "'");
      }
      JsonNode tag = rule.path("src_tag");
      JsonNode src = rule.path("src_net");
      JsonNode dst = rule.path("dst_net");
      rules.add(new ProfileRule(
          tag.isTextual() ? Optional.of(tag.asText()) : Optional.empty(),
          src.isTextual() ? Optional.of(Addresses.parseCidr("src_net", src.asText())) : Optional.empty(),
          dst.isTextual() ? Optional.of(Addresses.parseCidr("dst_net", dst.asText())) : Optional.empty()));
    }
    return rules;
  }

  private static void putRules(ArrayNode array, List<ProfileRule> rules) {
    for (ProfileRule rule : rules) {
      ObjectNode node = array.addObject();
      node.put("action", "allow");
      rule.srcTag().ifPresent(tag -> node.put("src_tag", tag));
      rule.srcNet().ifPresent(net -> node.put("src_net", net.toCanonicalString()));
      rule.dstNet().ifPresent(net -> node.put("dst_net", net.toCanonicalString()));
    }
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
