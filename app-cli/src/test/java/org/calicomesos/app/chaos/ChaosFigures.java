package org.calicomesos.app.chaos;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a chaos run counts while it runs, and the findings it must end with none of: requests answered late, not
 * at all, or not as exactly one JSON object; steps that never succeeded. Thread-safe: every client and the chaos
 * thread write here.
 */
final class ChaosFigures {
  final AtomicLong netModulesLifecycles = new AtomicLong();
  final AtomicLong cniLifecycles = new AtomicLong();
  final AtomicLong errorAnswers = new AtomicLong();
  final AtomicLong killedRequests = new AtomicLong();
  final AtomicLong agentKills = new AtomicLong();
  final AtomicLong pluginKills = new AtomicLong();
  private final List<Long> requestMillis = new ArrayList<>();
  private final List<Long> electionMillis = new ArrayList<>();
  private final List<String> findings = new ArrayList<>();
  private final Map<String, Integer> collected = new TreeMap<>();

  synchronized void answered(long millis) {
    requestMillis.add(millis);
  }

  synchronized void leaderChanged(long electionMillis) {
    this.electionMillis.add(electionMillis);
  }

  /** One leak the GC step dealt with: its kind and what became of it. */
  synchronized void collected(String kindAndOutcome) {
    collected.merge(kindAndOutcome, 1, Integer::sum);
  }

  synchronized void finding(String finding) {
    findings.add(finding);
  }

  synchronized List<String> findings() {
    return List.copyOf(findings);
  }

  synchronized long requests() {
    return requestMillis.size();
  }

  synchronized long percentile(double fraction) {
    if (requestMillis.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(requestMillis);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1));
  }

  synchronized int leaderChanges() {
    return electionMillis.size();
  }

  /** The figures, one per line, with the duplicates and leaks the run ended with. */
  synchronized void print(PrintStream out, ChaosSettings settings, long duplicates, long leaks, long seconds) {
    out.printf("chaos run: %d hosts x %d clients on a 3-member etcd cluster, seed %d, %d s%n", settings.hosts(),
        settings.clientsPerHost(), settings.seed(), seconds);
    out.printf("  lifecycles       %d (%d net-modules, %d CNI)%n", netModulesLifecycles.get() + cniLifecycles.get(),
        netModulesLifecycles.get(), cniLifecycles.get());
    out.printf("  requests         %d answered (%d of them errors, each repeated), %d killed in flight%n", requests(),
        errorAnswers.get(), killedRequests.get());
    out.printf("  agent kills      %d%n", agentKills.get());
    out.printf("  plugin kills     %d%n", pluginKills.get());
    out.printf("  leader changes   %d survived (elections took %s ms)%n", leaderChanges(), electionMillis);
    out.printf("  request time     p50 %d ms, p99 %d ms, max %d ms%n", percentile(0.50), percentile(0.99),
        percentile(1.0));
    out.printf("  collected by gc  %s%n", collected.isEmpty() ? "nothing" : collected);
    out.printf("  duplicates       %d%n", duplicates);
    out.printf("  leaks            %d%n", leaks);
    out.printf("  findings         %d%s%n", findings.size(), findings.isEmpty() ? "" : ": " + findings);
  }
}
