package org.calicomesos.app.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.calicomesos.app.agent.serving.AgentWarmUp;
import org.calicomesos.app.agent.serving.WarmUpReport;
import org.calicomesos.app.config.ConfigurationReader;
import org.calicomesos.app.config.DatastoreKind;
import org.calicomesos.app.wiring.RehearsalComponent;
import org.calicomesos.app.wiring.SpokenProtocols;
import org.junit.jupiter.api.Test;

/**
 * The agent's warm-up as the composition root builds it: every rehearsed request succeeds (the report says why
 * not otherwise), it keeps to its budget, and a rehearsal that cannot run stops it without an exception.
 */
class AgentWarmUpTest {
  private static final ConfigurationReader READER = new ConfigurationReader(() -> "warm-up-test");

  @Test
  void onEtcdTheRehearsalRunsThroughTheEtcdClientAndKeepsToItsBudget() {
    AgentWarmUp warmUp = new AgentWarmUp(SpokenProtocols.all(), READER,
        rehearsal -> RehearsalComponent.create(rehearsal, DatastoreKind.ETCD));

    WarmUpReport report = warmUp.run(Duration.ofSeconds(2));

    assertThat(report.stoppedEarly()).isEmpty();
    assertThat(report.rounds()).isPositive();
    // A round that starts just before the budget ends may finish after it; none takes seconds.
    assertThat(report.took()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
    assertThat(report.cpu()).isPositive();
  }

  @Test
  void onAnyOtherDatastoreItRehearsesOnAMapUntilItsRoundsAreDone() {
    AgentWarmUp warmUp = new AgentWarmUp(SpokenProtocols.all(), READER,
        rehearsal -> RehearsalComponent.create(rehearsal, DatastoreKind.SQLITE));

    WarmUpReport report = warmUp.run(Duration.ofSeconds(30));

    assertThat(report.stoppedEarly()).isEmpty();
    assertThat(report.rounds()).isEqualTo(400);
    assertThat(report.took()).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aRehearsalThatFailsStopsTheWarmUpAndSaysWhy() {
    AgentWarmUp warmUp = new AgentWarmUp(SpokenProtocols.all(), READER, rehearsal -> {
      throw new IllegalStateException("no application today");
    });

    WarmUpReport report = warmUp.run(Duration.ofSeconds(2));

    assertThat(report.rounds()).isZero();
    assertThat(report.stoppedEarly()).hasValueSatisfying(reason -> assertThat(reason)
        .startsWith("a rehearsed request failed: ").contains("no application today"));
  }
}
