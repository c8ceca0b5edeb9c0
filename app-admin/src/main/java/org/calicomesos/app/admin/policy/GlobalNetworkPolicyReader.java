package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.NetworkPolicy;
import org.calicomesos.ports.policy.rule.PolicyType;
import org.calicomesos.ports.policy.rule.Rule;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * One document as Calico's docs write it: a {@code GlobalNetworkPolicy}, or a {@code GlobalNetworkPolicyList} of
 * them under {@code items}, {@code apiVersion: projectcalico.org/v3}. Only the fields we enforce are accepted:
 * {@code metadata.name} and {@code spec.order}, {@code selector}, {@code types}, {@code ingress}, {@code egress}.
 */
final class GlobalNetworkPolicyReader {
  static final String API_VERSION = "projectcalico.org/v3";
  static final String KIND = "GlobalNetworkPolicy";
  static final String LIST_KIND = "GlobalNetworkPolicyList";

  private static final Set<String> POLICY_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Set<String> LIST_FIELDS = Set.of("apiVersion", "kind", "items");
  private static final Set<String> METADATA_FIELDS = Set.of("name");
  private static final Set<String> SPEC_FIELDS = Set.of("order", "selector", "types", "ingress", "egress");

  private GlobalNetworkPolicyReader() {}

  static List<NetworkPolicy> read(JsonNode document) {
    if (!document.isObject()) {
      throw new InvalidPolicyException("the document", "must be a mapping with apiVersion, kind, metadata and spec");
    }
    String kind = header(document, "");
    if (kind.equals(KIND)) {
      return List.of(policy(StrictFields.of(document, "", POLICY_FIELDS), ""));
    }
    StrictFields list = StrictFields.of(document, "", LIST_FIELDS);
    List<NetworkPolicy> policies = new ArrayList<>();
    int index = 0;
    for (JsonNode item : list.list("items")) {
      String path = StrictFields.element("items", index++);
      StrictFields fields = StrictFields.of(item, path, POLICY_FIELDS);
      // Items may leave out apiVersion and kind, as calicoctl's lists do; given, they must be a policy's.
      if (fields.get("apiVersion").isPresent() || fields.get("kind").isPresent()) {
        if (!header(item, path).equals(KIND)) {
          throw new InvalidPolicyException(fields.path("kind"), "must be " + KIND + " in a " + LIST_KIND);
        }
      }
      policies.add(policy(fields, path));
    }
    return policies;
  }

  /** Checks apiVersion and returns the kind, one of ours. */
  private static String header(JsonNode document, String path) {
    StrictFields fields = StrictFields.of(document, path, Set.of("apiVersion", "kind", "metadata", "spec", "items"));
    String apiVersion = fields.text("apiVersion").orElseThrow(
        () -> new InvalidPolicyException(fields.path("apiVersion"), "is missing; it must be " + API_VERSION));
    if (!apiVersion.equals(API_VERSION)) {
      throw new InvalidPolicyException(fields.path("apiVersion"), "must be " + API_VERSION + ", not '" + apiVersion
          + "'");
    }
    String kind = fields.text("kind").orElseThrow(
        () -> new InvalidPolicyException(fields.path("kind"), "is missing; it must be " + KIND));
    if (!kind.equals(KIND) && !kind.equals(LIST_KIND)) {
      throw new InvalidPolicyException(fields.path("kind"), "must be " + KIND + " or " + LIST_KIND + ", not '" + kind
          + "'");
    }
    return kind;
  }

  private static NetworkPolicy policy(StrictFields document, String path) {
    StrictFields metadata = StrictFields.of(document.get("metadata").orElseThrow(
        () -> new InvalidPolicyException(document.path("metadata"), "is missing; it must give the policy's name")),
        document.path("metadata"), METADATA_FIELDS);
    PolicyName name = name(metadata);
    // Calico's defaults: no spec selects everything with no rules, which denies ingress.
    StrictFields spec = StrictFields.of(document.get("spec").orElse(JsonNodeFactory.instance.objectNode()), document.path("spec"), SPEC_FIELDS);
    OptionalDouble order = spec.get("order").map(value -> {
      if (!value.isNumber()) {
        throw new InvalidPolicyException(spec.path("order"), "must be a number, not '" + value.asText() + "'");
      }
      return OptionalDouble.of(value.doubleValue());
    }).orElse(OptionalDouble.empty());
    Selector selector = spec.text("selector").map(text -> CalicoRuleReader.selector(text, spec.path("selector")))
        .orElse(Selector.ALL);
    List<Rule> ingress = CalicoRuleReader.readAll(spec, "ingress");
    List<Rule> egress = CalicoRuleReader.readAll(spec, "egress");
    Set<PolicyType> types = spec.get("types").isPresent() ? types(spec) : NetworkPolicy.defaultTypes(egress);
    try {
      return new NetworkPolicy(name, order, selector, types, ingress, egress);
    } catch (InvalidPolicyException e) {
      throw e.within(path);
    }
  }

  private static PolicyName name(StrictFields metadata) {
    String field = metadata.path("name");
    String text = metadata.text("name").orElseThrow(() -> new InvalidPolicyException(field, "is missing"));
    try {
      return new PolicyName(text);
    } catch (InvalidRequestException e) {
      // "policy name 'X' may hold only ..." worded for the field.
      throw new InvalidPolicyException(field, e.getMessage().replaceFirst("^policy name ", ""));
    }
  }

  private static Set<PolicyType> types(StrictFields spec) {
    Set<PolicyType> types = EnumSet.noneOf(PolicyType.class);
    int index = 0;
    for (JsonNode type : spec.list("types")) {
      types.add(PolicyType.parse(StrictFields.element(spec.path("types"), index++), type.asText()));
    }
    return types;
  }
}
