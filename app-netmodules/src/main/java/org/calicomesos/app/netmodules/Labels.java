package org.calicomesos.app.netmodules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.calicomesos.app.mesos.TaskLabels;

/**
 * The name the composition root's encoding tests still use for {@link TaskLabels}; the protocol itself reads
 * {@link TaskLabels}. Delete once those tests name {@link TaskLabels}.
 */
final class Labels {
  private final TaskLabels labels;

  private Labels(TaskLabels labels) {
    this.labels = labels;
  }

  static Labels parse(JsonNode node) {
    return new Labels(TaskLabels.parse(node));
  }

  Map<String, String> asMap() {
    return labels.asMap();
  }
}
