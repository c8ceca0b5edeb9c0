package org.calicomesos.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * A network policy's record, {@code <prefix>/v1/policy/tier/default/policy/<name>}, as Calico v1's felix read it:
 * {@code order} (absent: last), {@code selector}, {@code inbound_rules}, {@code outbound_rules}; plus {@code types}
 * ({@code ["ingress", "egress"]}), Calico v3's, so that a policy with no rules in a direction can still deny it.
 * The name is the key's.
 */
public final class PolicyRecords {
  private PolicyRecords() {}

  /** The record of the policy {@code name} (the key's), as a {@link Codec}. */
  public static Codec<NetworkPolicy> codec(PolicyName name) {
    return TreeCodec.of(node -> decode(name, node), PolicyRecords::tree);
  }

  /** @throws CorruptValueException naming the key when the record cannot be read */
  public static NetworkPolicy decode(PolicyName name, Entry entry) {
    return codec(name).decode(entry);
  }

  public static String encode(NetworkPolicy policy) {
    return JsonTree.write(tree(policy));
  }

  private static JsonNode tree(NetworkPolicy policy) {
    ObjectNode node = JsonTree.object();
    policy.order().ifPresent(order -> node.put("order", order));
    node.put("selector", policy.selector().text());
    ArrayNode types = node.putArray("types");
    EnumSet.copyOf(policy.types()).forEach(type -> types.add(type.keyword().toLowerCase(Locale.ROOT)));
    node.set("inbound_rules", RuleCodec.encodeAll(policy.ingress()));
    node.set("outbound_rules", RuleCodec.encodeAll(policy.egress()));
    return node;
  }

  private static NetworkPolicy decode(PolicyName name, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a policy record must be an object");
    }
    OptionalDouble order = OptionalDouble.empty();
    if (node.hasNonNull("order")) {
      if (!node.get("order").isNumber()) {
        throw new InvalidPolicyException("order", "must be a number");
      }
      order = OptionalDouble.of(node.get("order").doubleValue());
    }
    Selector selector = Selector.parse(node.path("selector").asText(""));
    List<Rule> inbound = RuleCodec.decodeAll(node.path("inbound_rules"), "inbound_rules");
    List<Rule> outbound = RuleCodec.decodeAll(node.path("outbound_rules"), "outbound_rules");
    Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
    if (node.has("types")) {
      for (JsonNode type : node.get("types")) {
        types.add(PolicyType.parse("types", type.asText()));
      }
    } else {
      types.addAll(NetworkPolicy.defaultTypes(outbound));
    }
    return new NetworkPolicy(name, order, selector, types, inbound, outbound);
  }
}
