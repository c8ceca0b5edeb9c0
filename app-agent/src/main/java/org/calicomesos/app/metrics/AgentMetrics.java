package org.calicomesos.app.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.calicomesos.app.agent.CollectionObserver;
import org.calicomesos.app.agent.PolicyObserver;
import org.calicomesos.app.pipeline.RequestObserver;
import org.calicomesos.ports.gc.CollectionReport;
import org.calicomesos.ports.gc.Leak;
import org.calicomesos.ports.gc.LeakKind;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.PoolUsage;

/**
 * The agent's Prometheus metrics, in a registry of its own (docs/operations.md "Metrics" lists every series).
 * It hears of requests and IPAM retries through {@link RequestObserver}, of policy applies and loop failures
 * through {@link PolicyObserver}, and reads pool usage when scraped. Built only in the agent: nothing of the
 * Prometheus client is loaded by a plugin request.
 */
@Singleton
public final class AgentMetrics implements RequestObserver, PolicyObserver, CollectionObserver {
  /** How long one read of the pools' usage answers scrapes (every agent reads the whole cluster's blocks). */
  static final Duration POOL_USAGE_TTL = Duration.ofSeconds(30);
  static final String SOURCE_REQUEST = "request";
  static final String SOURCE_POLICY_LOOP = "policy_loop";
  static final String SOURCE_POOL_USAGE = "pool_usage";

  private static final System.Logger LOG = System.getLogger(AgentMetrics.class.getName());
  private static final double NANOS_PER_SECOND = 1e9;
  // A request is bounded by CALICO_REQUEST_TIMEOUT (5 s by default, 300 s at most); most take tens of ms.
  private static final double[] REQUEST_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  // One nft transaction: milliseconds for a few endpoints, seconds for many thousands of rules.
  private static final double[] APPLY_SECONDS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram requestSeconds;
  private final Counter ipamRetries;
  private final Counter policyApplies;
  private final Histogram policyApplySeconds;
  private final Counter datastoreErrors;
  private final Counter gcRuns;
  private final Counter gcFreed;
  private final Gauge gcCandidates;
  private final PoolUsageCache pools;
  private final Duration poolUsageTtl;

  @Inject
  public AgentMetrics(Provider<ManagePoolsUseCase> pools) {
    this(() -> pools.get().list(), POOL_USAGE_TTL, System::nanoTime);
  }

  /** @param poolUsage reads every pool's usage (the datastore), at most once per {@code poolUsageTtl} */
  AgentMetrics(Supplier<List<PoolUsage>> poolUsage, Duration poolUsageTtl, LongSupplier nanoClock) {
    // Registered first, so a scrape collects them first: a failed read shows in that scrape's error count.
    this.poolUsageTtl = poolUsageTtl;
    this.pools = new PoolUsageCache(poolUsage, this::poolUsageFailed, poolUsageTtl, nanoClock);
    poolGauge("calico_mesos_pool_allocated_addresses", "Addresses assigned in each IP pool", PoolUsage::allocated);
    poolGauge("calico_mesos_pool_capacity_addresses", "Addresses in each IP pool", pool -> pool.capacity().doubleValue());
    requests = Counter.builder().name("calico_mesos_requests_total")
        .help("Plugin requests answered, by command and outcome (ok, error).")
        .labelNames("command", "outcome").withoutExemplars().register(registry);
    requestSeconds = Histogram.builder().name("calico_mesos_request_duration_seconds")
        .help("Time from a plugin request's start to its answer, by command.")
        .labelNames("command").classicOnly().classicUpperBounds(REQUEST_SECONDS).withoutExemplars()
        .register(registry);
    ipamRetries = Counter.builder().name("calico_mesos_ipam_cas_retries_total")
        .help("IPAM compare-and-swap writes that lost to a concurrent writer and were retried, while serving requests.")
        .withoutExemplars().register(registry);
    policyApplies = Counter.builder().name("calico_mesos_policy_applies_total")
        .help("Times the host's policy was applied to the kernel, by outcome (ok, error: the kernel refused it).")
        .labelNames("outcome").withoutExemplars().register(registry);
    policyApplySeconds = Histogram.builder().name("calico_mesos_policy_apply_duration_seconds")
        .help("Time one apply of the host's policy to the kernel took, refused or not.")
        .classicOnly().classicUpperBounds(APPLY_SECONDS).withoutExemplars().register(registry);
    datastoreErrors = Counter.builder().name("calico_mesos_datastore_errors_total")
        .help("Datastore failures seen, by source (request, policy_loop, pool_usage) and kind"
            + " (unavailable, corrupt_value, other).")
        .labelNames("source", "kind").withoutExemplars().register(registry);
    gcRuns = Counter.builder().name("calico_mesos_gc_runs_total")
        .help("The agent's leak collections, by outcome (ok, error).")
        .labelNames("outcome").withoutExemplars().register(registry);
    gcFreed = Counter.builder().name("calico_mesos_gc_freed_total")
        .help("Leaks the agent's collections freed, by kind (endpoint, interface, allocation, handle-count).")
        .labelNames("kind").withoutExemplars().register(registry);
    gcCandidates = Gauge.builder().name("calico_mesos_gc_candidates")
        .help("Leak candidates the last collection kept within their grace, by kind.")
        .labelNames("kind").register(registry);
    // Series that exist from the start, so rate() and increase() see their first event.
    for (String outcome : List.of("ok", "error")) {
      gcRuns.initLabelValues(outcome);
    }
    for (LeakKind kind : LeakKind.values()) {
      gcFreed.initLabelValues(kind.label());
      gcCandidates.labelValues(kind.label()).set(0);
    }
    for (String outcome : List.of("ok", "error")) {
      policyApplies.initLabelValues(outcome);
    }
    for (String source : List.of(SOURCE_REQUEST, SOURCE_POLICY_LOOP, SOURCE_POOL_USAGE)) {
      for (String kind : DatastoreFailures.KINDS) {
        datastoreErrors.initLabelValues(source, kind);
      }
    }
  }

  private void poolGauge(String name, String help, ToDoubleFunction<PoolUsage> value) {
    GaugeWithCallback.builder().name(name)
        .help(help + " (cluster-wide; read at most every " + poolUsageTtl.toSeconds() + " s).")
        .labelNames("pool")
        .callback(gauge -> pools.get().forEach(pool -> gauge.call(value.applyAsDouble(pool), pool.pool().toString())))
        .register(registry);
  }

  /** What the metrics server exposes. */
  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public void requestFinished(String command, boolean success, long durationNanos, Optional<Throwable> failure) {
    requests.labelValues(command, success ? "ok" : "error").inc();
    requestSeconds.labelValues(command).observe(durationNanos / NANOS_PER_SECOND);
    failure.flatMap(DatastoreFailures::kindOf).ifPresent(kind -> datastoreErrors.labelValues(SOURCE_REQUEST, kind).inc());
  }

  @Override
  public void lostCompare() {
    ipamRetries.inc();
  }

  @Override
  public void applied(boolean success, long durationNanos) {
    policyApplies.labelValues(success ? "ok" : "error").inc();
    policyApplySeconds.observe(durationNanos / NANOS_PER_SECOND);
  }

  @Override
  public void loopFailed(Throwable failure) {
    DatastoreFailures.kindOf(failure).ifPresent(kind -> datastoreErrors.labelValues(SOURCE_POLICY_LOOP, kind).inc());
  }

  @Override
  public void collected(CollectionReport report) {
    gcRuns.labelValues("ok").inc();
    for (LeakKind kind : LeakKind.values()) {
      gcCandidates.labelValues(kind.label()).set(report.leaks().stream()
          .filter(leak -> leak.kind() == kind && leak.outcome() == Leak.Outcome.WAITING).count());
    }
    report.leaks().stream().filter(leak -> leak.outcome() == Leak.Outcome.FREED)
        .forEach(leak -> gcFreed.labelValues(leak.kind().label()).inc());
  }

  @Override
  public void collectionFailed(Throwable failure) {
    gcRuns.labelValues("error").inc();
  }

  private void poolUsageFailed(RuntimeException failure) {
    DatastoreFailures.kindOf(failure).ifPresent(kind -> datastoreErrors.labelValues(SOURCE_POOL_USAGE, kind).inc());
    LOG.log(Level.WARNING, "cannot read the pools'' usage for metrics: {0}; the pool series are left out for {1} s",
        failure.getMessage(), poolUsageTtl.toSeconds());
  }
}
