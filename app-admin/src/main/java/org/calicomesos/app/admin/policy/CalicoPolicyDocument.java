package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import org.calicomesos.app.admin.rule.RuleTree;
import org.calicomesos.ports.policy.rule.NetworkPolicy;

/**
 * A policy written back as the {@code GlobalNetworkPolicy} document {@code policy apply} reads, so that what
 * {@code policy show} prints can be edited and applied again. Types are always written out, as the record has them.
 */
final class CalicoPolicyDocument {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private CalicoPolicyDocument() {}

  static ObjectNode tree(NetworkPolicy policy) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("apiVersion", GlobalNetworkPolicyReader.API_VERSION);
    document.put("kind", GlobalNetworkPolicyReader.KIND);
    document.putObject("metadata").put("name", policy.name().value());
    ObjectNode spec = document.putObject("spec");
    policy.order().ifPresent(order -> {
      if (isWhole(order)) {
        spec.put("order", (long) order);
      } else {
        spec.put("order", order);
      }
    });
    spec.put("selector", policy.selector().text());
    ArrayNode types = spec.putArray("types");
    EnumSet.copyOf(policy.types()).forEach(type -> types.add(type.keyword()));
    if (!policy.ingress().isEmpty()) {
      spec.set("ingress", RuleTree.of(policy.ingress(), RuleTree.Spelling.CALICO));
    }
    if (!policy.egress().isEmpty()) {
      spec.set("egress", RuleTree.of(policy.egress(), RuleTree.Spelling.CALICO));
    }
    return document;
  }

  /** Whether an order is written as a whole number ({@code 100}, not {@code 100.0}), as people write it. */
  static boolean isWhole(double order) {
    return order == Math.rint(order) && Math.abs(order) < 1e15;
  }

  static String yaml(NetworkPolicy policy) {
    try {
      return YAML.writeValueAsString(tree(policy));
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; failing here is a bug.
      throw new UncheckedIOException(e);
    }
  }
}
