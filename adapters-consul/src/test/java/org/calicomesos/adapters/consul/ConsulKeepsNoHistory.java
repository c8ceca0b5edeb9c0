package org.calicomesos.adapters.consul;

import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the two contract tests that start a watch from a revision with changes after it (a delete among
 * them) and no listing at that revision: Consul keeps no history, so the adapter cannot prove what was
 * there and reports {@code onCompacted} instead, which {@link ConsulWatchTest} asserts.
 */
final class ConsulKeepsNoHistory implements ExecutionCondition {
  private static final Map<String, String> NOT_ON_CONSUL = Map.of(
      "watchReplaysLaterChangesInRevisionOrderThenDeliversLiveOnes",
      "replays a delete from before the watch, with no listing at its start revision",
      "closingAWatchStopsDelivery",
      "its witness watch starts from a revision with a later change and no listing at it");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String reason = context.getTestMethod().map(Method::getName).map(NOT_ON_CONSUL::get).orElse(null);
    return reason == null ? ConditionEvaluationResult.enabled("Consul can show this")
        : ConditionEvaluationResult.disabled("Consul keeps no history: the contract test " + reason);
  }
}
