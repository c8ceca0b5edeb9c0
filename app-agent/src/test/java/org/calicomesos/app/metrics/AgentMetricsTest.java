package org.calicomesos.app.metrics;

import org.calicomesos.app.pipeline.RequestObserver;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.calicomesos.ports.ipam.ContentionException;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.ipam.PoolUsage;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** What each observation adds to the registry; the pool series' cache and its failures. */
class AgentMetricsTest {
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final Pool POOL = new Pool(Addresses.parseCidr("cidr", "10.0.0.0/24"), 26, false);

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicInteger reads = new AtomicInteger();
  private volatile RuntimeException readFailure;
  private volatile long allocated = 5;
  private final AgentMetrics metrics = new AgentMetrics(this::readPools, TTL, now::get);

  @Test
  void datastore_failures_of_requests_and_of_the_policy_loop_are_counted_by_kind_and_nothing_else_is() {
    DatastoreUnavailableException outage = new DatastoreUnavailableException("etcd at http://10.0.0.1:2379", "timed out", null);
    metrics.requestFinished("allocate", false, 1_000_000, Optional.of(outage));
    metrics.requestFinished("isolate", false, 1_000_000, Optional.of(new IllegalStateException("wrapped", outage)));
    metrics.requestFinished("release", false, 1_000_000, Optional.of(new CorruptValueException("/calico/x", "not json")));
    metrics.requestFinished("release", false, 1_000_000, Optional.of(new InvalidRequestException("uid is missing")));
    metrics.requestFinished("allocate", false, 1_000_000, Optional.of(new ContentionException("/calico/b", 100)));
    metrics.requestFinished(org.calicomesos.app.pipeline.RequestObserver.INVALID_COMMAND, false, 1_000_000, Optional.empty());
    metrics.loopFailed(new DatastoreException("etcd refused the request"));
    metrics.loopFailed(new IllegalStateException("a bug"));

    assertThat(Samples.of(metrics.registry()))
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"unavailable\",source=\"request\"}", "2.0")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"corrupt_value\",source=\"request\"}", "1.0")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"other\",source=\"request\"}", "0.0")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"other\",source=\"policy_loop\"}", "1.0")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"unavailable\",source=\"policy_loop\"}", "0.0")
        .containsEntry("calico_mesos_requests_total{command=\"release\",outcome=\"error\"}", "2.0")
        .containsEntry("calico_mesos_requests_total{command=\"invalid\",outcome=\"error\"}", "1.0")
        .containsEntry("calico_mesos_request_duration_seconds_sum{command=\"allocate\"}", "0.002");
  }

  @Test
  void a_policy_apply_is_counted_by_outcome_and_timed() {
    metrics.applied(true, 20_000_000);
    metrics.applied(false, 3_000_000_000L);

    assertThat(Samples.of(metrics.registry()))
        .containsEntry("calico_mesos_policy_applies_total{outcome=\"ok\"}", "1.0")
        .containsEntry("calico_mesos_policy_applies_total{outcome=\"error\"}", "1.0")
        .containsEntry("calico_mesos_policy_apply_duration_seconds_bucket{le=\"0.025\"}", "1")
        .containsEntry("calico_mesos_policy_apply_duration_seconds_bucket{le=\"5.0\"}", "2")
        .containsEntry("calico_mesos_policy_apply_duration_seconds_count", "2");
  }

  @Test
  void ipam_retries_start_at_zero_and_count_up() {
    assertThat(Samples.of(metrics.registry())).containsEntry("calico_mesos_ipam_cas_retries_total", "0.0");
    metrics.lostCompare();
    metrics.lostCompare();
    assertThat(Samples.of(metrics.registry())).containsEntry("calico_mesos_ipam_cas_retries_total", "2.0");
  }

  @Test
  void pool_usage_is_read_at_most_once_per_ttl_however_often_it_is_scraped() {
    assertThat(Samples.of(metrics.registry()))
        .containsEntry("calico_mesos_pool_allocated_addresses{pool=\"10.0.0.0/24\"}", "5.0")
        .containsEntry("calico_mesos_pool_capacity_addresses{pool=\"10.0.0.0/24\"}", "256.0");
    allocated = 7;
    now.addAndGet(TTL.toNanos() - 1);
    assertThat(Samples.of(metrics.registry()))
        .containsEntry("calico_mesos_pool_allocated_addresses{pool=\"10.0.0.0/24\"}", "5.0");
    assertThat(reads).as("two gauges, two scrapes, one read").hasValue(1);

    now.addAndGet(1);
    assertThat(Samples.of(metrics.registry()))
        .containsEntry("calico_mesos_pool_allocated_addresses{pool=\"10.0.0.0/24\"}", "7.0");
    assertThat(reads).hasValue(2);
  }

  @Test
  void a_failed_pool_read_is_counted_leaves_the_pool_series_out_and_is_not_retried_within_the_ttl() {
    readFailure = new DatastoreUnavailableException("etcd at http://10.0.0.1:2379", "timed out", null);

    assertThat(Samples.of(metrics.registry())).doesNotContainKey("calico_mesos_pool_allocated_addresses{pool=\"10.0.0.0/24\"}");
    // The registry collects in no fixed order, so the scrape whose read failed may have collected the error
    // counter before the failure: the next scrape shows it, and reads nothing more within the TTL.
    assertThat(Samples.of(metrics.registry()))
        .doesNotContainKey("calico_mesos_pool_allocated_addresses{pool=\"10.0.0.0/24\"}")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"unavailable\",source=\"pool_usage\"}", "1.0");
    assertThat(reads).hasValue(1);

    readFailure = null;
    now.addAndGet(TTL.toNanos());
    assertThat(Samples.of(metrics.registry()))
        .containsEntry("calico_mesos_pool_allocated_addresses{pool=\"10.0.0.0/24\"}", "5.0")
        .containsEntry("calico_mesos_datastore_errors_total{kind=\"unavailable\",source=\"pool_usage\"}", "1.0");
  }

  private List<PoolUsage> readPools() {
    reads.incrementAndGet();
    if (readFailure != null) {
      throw readFailure;
    }
    return List.of(new PoolUsage(POOL, BigInteger.valueOf(256), allocated, 1));
  }
}
