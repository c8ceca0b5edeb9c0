package org.calicomesos.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;

/** How one plugin process ended, as the Mesos agent would see it. */
sealed interface PluginOutcome {
  /**
   * Exactly one JSON object on stdout ({@code answer}), or, for a verb that answers nothing on success (CNI DEL),
   * nothing with status 0 ({@code answer} null).
   */
  record Answered(int status, JsonNode answer, long millis) implements PluginOutcome {}

  /** SIGKILLed by the chaos: the caller repeats the request, as Mesos does. */
  record Killed() implements PluginOutcome {}

  /** Not one JSON object (nothing, two, or text around it): never allowed. */
  record Malformed(int status, String stdout, String stderr, long millis) implements PluginOutcome {}

  /** Still running long after its deadline: never allowed. It has been killed. */
  record Unanswered(long millis) implements PluginOutcome {}
}
