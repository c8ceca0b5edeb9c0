package org.calicomesos.core.gc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;

/** {@code {"marks":{"endpoint:c1/5f2b…":"2026-12-07T03:00:00Z",…}}}: the JSON of {@link LeakMarks}. */
final class LeakMarksCodec {
  static final Codec<LeakMarks> MARKS = TreeCodec.of(LeakMarksCodec::decode, LeakMarksCodec::encode);

  private LeakMarksCodec() {}

  private static LeakMarks decode(JsonNode node) {
    JsonNode marks = node.get("marks");
    if (marks == null || !marks.isObject()) {
      throw new IllegalArgumentException("the leak marks record has no object 'marks'");
    }
    Map<String, Instant> since = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = marks.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      try {
        since.put(field.getKey(), Instant.parse(field.getValue().asText()));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("the leak mark of " + field.getKey() + " is not a time: " + field.getValue());
      }
    }
    return new LeakMarks(since);
  }

  private static JsonNode encode(LeakMarks marks) {
    ObjectNode root = JsonTree.object();
    ObjectNode since = root.putObject("marks");
    marks.since().forEach((key, at) -> since.put(key, at.toString()));
    return root;
  }
}
