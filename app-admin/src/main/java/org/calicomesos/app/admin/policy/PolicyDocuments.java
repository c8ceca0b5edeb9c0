package org.calicomesos.app.admin.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.rule.NetworkPolicy;

/**
 * The policies in one input to {@code policy apply}: YAML or JSON (JSON is YAML), documents separated by {@code ---}.
 * All of it is read and validated before anything is written; the first problem is one sentence such as
 * {@code policy.yaml document 2: spec.ingress[0].protocol must be …} (the document named only when there are several).
 */
final class PolicyDocuments {
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private PolicyDocuments() {}

  /** @param source how errors name the input: the file as given, or "standard input" */
  static List<NetworkPolicy> read(String source, String text) {
    List<JsonNode> documents = parse(source, text);
    List<NetworkPolicy> policies = new ArrayList<>();
    Map<PolicyName, Integer> documentOf = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = documents.get(i);
      if (document == null || document.isNull() || document.isMissingNode()) {
        continue; // an empty document: a comment, or '---' at the end
      }
      String where = documents.size() > 1 ? source + " document " + (i + 1) : source;
      List<NetworkPolicy> read;
      try {
        read = GlobalNetworkPolicyReader.read(document);
      } catch (InvalidPolicyException | InvalidRequestException e) {
        throw new PolicyFileException(where + ": " + e.getMessage());
      }
      for (NetworkPolicy policy : read) {
        Integer earlier = documentOf.putIfAbsent(policy.name(), i + 1);
        if (earlier != null) {
          throw new PolicyFileException(where + ": policy " + policy.name() + " is given more than once"
              + (documents.size() > 1 ? ", first in document " + earlier : ""));
        }
        policies.add(policy);
      }
    }
    if (policies.isEmpty()) {
      throw new PolicyFileException(source + ": holds no policy");
    }
    return policies;
  }

  private static List<JsonNode> parse(String source, String text) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (iterator.hasNextValue()) {
        documents.add(iterator.nextValue());
      }
    } catch (JsonProcessingException e) {
      // The line and column place it; which document it is in is not known until the text parses.
      throw new PolicyFileException(source + ": not valid YAML: " + firstLine(e.getOriginalMessage())
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr()));
    } catch (IOException e) {
      throw new PolicyFileException(source + ": cannot be read: " + e.getMessage());
    }
    return documents;
  }

  private static String firstLine(String message) {
    String line = String.valueOf(message).strip().lines().findFirst().orElse("");
    return line.endsWith(":") || line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
