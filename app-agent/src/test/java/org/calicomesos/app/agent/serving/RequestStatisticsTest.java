package org.calicomesos.app.agent.serving;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestStatisticsTest {
  @Test
  void countsByOutcomeAndTakesNearestRankPercentiles() {
    RequestStatistics statistics = new RequestStatistics();
    for (int millis = 1; millis <= 100; millis++) {
      statistics.record("isolate", millis % 10 != 0, millis * 1_000_000L);
    }

    RequestStatistics.CommandSummary isolate = statistics.summary().get("isolate");
    assertThat(isolate.succeeded()).isEqualTo(90);
    assertThat(isolate.failed()).isEqualTo(10);
    assertThat(isolate.p50Millis()).isEqualTo(50.0);
    assertThat(isolate.p90Millis()).isEqualTo(90.0);
    assertThat(isolate.p99Millis()).isEqualTo(99.0);
    assertThat(isolate.maxMillis()).isEqualTo(100.0);
  }

  @Test
  void percentilesCoverOnlyTheRecentWindowWhileCountsCoverAll() {
    RequestStatistics statistics = new RequestStatistics();
    for (int i = 0; i < RequestStatistics.WINDOW; i++) {
      statistics.record("allocate", true, 900_000_000L); // a slow spell long ago
    }
    for (int i = 0; i < RequestStatistics.WINDOW; i++) {
      statistics.record("allocate", true, 2_000_000L);
    }

    RequestStatistics.CommandSummary allocate = statistics.summary().get("allocate");
    assertThat(allocate.succeeded()).isEqualTo(2L * RequestStatistics.WINDOW);
    assertThat(allocate.maxMillis()).isEqualTo(2.0);
  }
}
